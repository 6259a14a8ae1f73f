import { Citizen } from '../../db/entities';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, citizenToken, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('citizen profile', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
  });
  afterAll(() => app.close());

  it('shows the phone number masked', async () => {
    const citizen = await buildCitizen(app.dataSource, { phoneEncrypted: app.deps.cipher.encrypt('13912345678') });
    const response = await app.http.get('/api/v1/me').set(bearer(citizenToken(app.deps, citizen)));
    expect(response.body).toMatchObject({ id: citizen.id, phone: '139****5678' });
  });

  it('binds a village, and refuses one that does not exist', async () => {
    const citizen = await buildCitizen(app.dataSource, { villageCode: null });
    const token = bearer(citizenToken(app.deps, citizen));
    const bound = await app.http
      .patch('/api/v1/me')
      .set(token)
      .send({ villageCode: REGIONS.jianchiVillage, careMode: true });
    expect(bound.body).toMatchObject({ villageCode: REGIONS.jianchiVillage, careMode: true });
    expect((await app.dataSource.getRepository(Citizen).findOneByOrFail({ id: citizen.id })).villageCode).toBe(
      REGIONS.jianchiVillage,
    );
    const township = await app.http.patch('/api/v1/me').set(token).send({ villageCode: REGIONS.jianchi });
    expect(township.status).toBe(400);
    expect(township.body.error.field).toBe('villageCode');
    const unknownField = await app.http.patch('/api/v1/me').set(token).send({ openid: 'steal' });
    expect(unknownField.status).toBe(400);
  });

  it('answers 401 without a citizen token', async () => {
    const staff = await buildStaff(app.dataSource, { role: 'county' });
    expect((await app.http.patch('/api/v1/me').send({ careMode: true })).status).toBe(401);
    expect((await app.http.get('/api/v1/me').set(bearer(staffToken(app.deps, staff)))).status).toBe(401);
  });
});

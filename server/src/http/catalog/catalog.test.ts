import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildDeputy,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('reference data', () => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
  });
  afterAll(() => app.close());

  it('lists the five services with their codes', async () => {
    const response = await app.http.get('/api/v1/services');
    expect(response.status).toBe(200);
    expect(response.body.map((service: { code: string }) => service.code)).toEqual([
      'epidemic',
      'risk',
      'direct',
      'illegal',
      'deputy',
    ]);
    expect(response.body[3]).toMatchObject({ name: '违法举报', allowAnonymous: true });
  });

  it('nests the region tree and can stop at villages', async () => {
    const full = await app.http.get('/api/v1/regions');
    expect(full.body).toHaveLength(1);
    expect(full.body[0]).toMatchObject({ code: REGIONS.county, level: 'county' });
    const chengguan = full.body[0].children.find((node: { code: string }) => node.code === REGIONS.chengguan);
    expect(chengguan.children[0].children[0]).toMatchObject({ code: REGIONS.chengguanGrid, level: 'grid' });
    const villages = await app.http.get('/api/v1/regions?depth=village');
    expect(villages.body[0].children[0].children[0].children).toEqual([]);
    const bad = await app.http.get('/api/v1/regions?depth=street');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('depth');
  });

  it('lists categories with their deadlines', async () => {
    const response = await app.http.get('/api/v1/categories');
    expect(response.body).toEqual([
      { code: 'power', name: '供电', parentCode: null, tier: 'general', responseHours: 24, resolveDays: 7 },
    ]);
  });

  it('shows staff the departments serving their area, and nobody else', async () => {
    const dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher' });
    const response = await app.http.get('/api/v1/staff/departments').set(bearer(staffToken(app.deps, dispatcher)));
    const ids = response.body.map((department: { id: string }) => department.id);
    expect(ids).toEqual(expect.arrayContaining([world.power.id, world.agriculture.id]));
    expect(ids).not.toContain(world.jianchiPower.id);
    expect((await app.http.get('/api/v1/staff/departments')).status).toBe(401);
    const citizen = await buildCitizen(app.dataSource);
    expect((await app.http.get('/api/v1/staff/departments').set(bearer(citizenToken(app.deps, citizen)))).status).toBe(
      401,
    );
  });

  it("lists a village's deputies, then its township's and county's, and no other township's", async () => {
    const county = await buildDeputy(app.dataSource, {
      name: '刘建国',
      title: '县人大代表',
      regionCode: REGIONS.county,
    });
    const township = await buildDeputy(app.dataSource, {
      name: '王秀兰',
      title: '县人大代表',
      regionCode: REGIONS.chengguan,
    });
    const village = await buildDeputy(app.dataSource, {
      name: '张德明',
      title: '镇人大代表',
      regionCode: REGIONS.chengguanVillage,
    });
    const elsewhere = await buildDeputy(app.dataSource, {
      name: '赵永福',
      title: '县人大代表',
      regionCode: REGIONS.jianchi,
    });
    const response = await app.http.get(`/api/v1/deputies?villageCode=${REGIONS.chengguanVillage}`);
    expect(response.status).toBe(200);
    expect(response.body.map((deputy: { id: string }) => deputy.id)).toEqual([village.id, township.id, county.id]);
    expect(response.body[0]).toEqual({
      id: village.id,
      name: '张德明',
      title: '镇人大代表',
      regionCode: REGIONS.chengguanVillage,
      regionName: '五一村',
    });
    const jianchi = await app.http.get(`/api/v1/deputies?villageCode=${REGIONS.jianchiVillage}`);
    expect(jianchi.body.map((deputy: { id: string }) => deputy.id)).toEqual([elsewhere.id, county.id]);
  });

  it('answers 400 naming villageCode for a malformed code or one that is not a village', async () => {
    for (const query of ['', '?villageCode=abc', `?villageCode=${REGIONS.chengguan}`, '?villageCode=610921999999']) {
      const response = await app.http.get(`/api/v1/deputies${query}`);
      expect({ query, status: response.status, field: response.body.error?.field }).toEqual({
        query,
        status: 400,
        field: 'villageCode',
      });
    }
  });
});

import { AUDIT_ACTION_NAMES, PartnerCreatedSchema, PartnerListSchema } from '@minqing/shared';
import { hashApiKey } from '../../commands/partnerKeys';
import { AuditLog, Partner } from '../../db/entities';
import { REGIONS, bearer, buildStaff, buildWorld, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('/api/v1/staff/partners (合作方)', () => {
  let app: TestApp;
  let county: string;
  let sysadmin: string;
  let dispatcher: string;

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    county = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county, name: '县中心' }),
    );
    sysadmin = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }));
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
  });
  afterAll(() => app.close());

  it('issues a key shown once, stores only its hash, lists the partner without it, and audits', async () => {
    const created = await app.http.post('/api/v1/staff/partners').set(bearer(county)).send({ name: '汉阴县12345热线' });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { partner, apiKey } = PartnerCreatedSchema.parse(created.body);
    expect(apiKey).toMatch(/^mq311_[\w-]{32}$/);
    expect(partner).toMatchObject({ name: '汉阴县12345热线', createdBy: '县中心', revokedAt: null, reportsFiled: 0 });
    expect(apiKey.startsWith(partner.keyPrefix)).toBe(true);

    const stored = await app.dataSource.getRepository(Partner).findOneByOrFail({ id: partner.id });
    expect(stored.keyHash).toBe(hashApiKey(apiKey));
    expect(JSON.stringify(stored)).not.toContain(apiKey);

    const list = await app.http.get('/api/v1/staff/partners').set(bearer(sysadmin));
    expect(list.status).toBe(200);
    expect(PartnerListSchema.parse(list.body).map((entry) => entry.id)).toContain(partner.id);
    expect(JSON.stringify(list.body)).not.toContain(apiKey);
    expect(JSON.stringify(list.body)).not.toContain(stored.keyHash);

    const audit = await app.dataSource.getRepository(AuditLog).findOneByOrFail({ targetId: partner.id });
    expect(audit).toMatchObject({ action: 'partner.create', targetType: 'partner' });
    expect(AUDIT_ACTION_NAMES[audit.action as keyof typeof AUDIT_ACTION_NAMES]).toBeDefined();
  });

  it('revokes a key once, audited; the key no longer files', async () => {
    const created = await app.http.post('/api/v1/staff/partners').set(bearer(county)).send({ name: '旧系统' });
    const { partner, apiKey } = created.body;
    const revoked = await app.http.post(`/api/v1/staff/partners/${partner.id}/revoke`).set(bearer(sysadmin));
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const again = await app.http.post(`/api/v1/staff/partners/${partner.id}/revoke`).set(bearer(sysadmin));
    expect(again.status).toBe(409);
    const actions = (await app.dataSource.getRepository(AuditLog).findBy({ targetId: partner.id })).map(
      (row) => row.action,
    );
    expect(actions.sort()).toEqual(['partner.create', 'partner.revoke']);
    const filed = await app.http.post('/open311/v2/requests.json').send({
      api_key: apiKey,
      service_code: 'power',
      address_id: REGIONS.chengguanVillage,
      description: '路灯不亮',
    });
    expect(filed.status).toBe(403);
  });

  it('answers 401 without a token and 403 to staff other than the county centre and sysadmin', async () => {
    expect((await app.http.get('/api/v1/staff/partners')).status).toBe(401);
    expect((await app.http.post('/api/v1/staff/partners').send({ name: '某系统' })).status).toBe(401);
    expect((await app.http.get('/api/v1/staff/partners').set(bearer(dispatcher))).status).toBe(403);
    expect(
      (await app.http.post('/api/v1/staff/partners').set(bearer(dispatcher)).send({ name: '某系统' })).status,
    ).toBe(403);
    const partner = await app.dataSource.getRepository(Partner).findOneByOrFail({ name: '汉阴县12345热线' });
    expect((await app.http.post(`/api/v1/staff/partners/${partner.id}/revoke`).set(bearer(dispatcher))).status).toBe(
      403,
    );
  });

  it('answers 400 naming the field, and 404 for an unknown partner', async () => {
    const bad = await app.http.post('/api/v1/staff/partners').set(bearer(county)).send({ name: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('name');
    expect((await app.http.post('/api/v1/staff/partners/nothing/revoke').set(bearer(county))).status).toBe(404);
    expect(
      (await app.http.post('/api/v1/staff/partners/01JAAAAAAAAAAAAAAAAAAAAAAA/revoke').set(bearer(county))).status,
    ).toBe(404);
  });
});

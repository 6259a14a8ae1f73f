import { Household, Message, Report } from '../../db/entities';
import { newId } from '../../db/ids';
import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

/** 代报: a grid worker or cadre files a report for a household that cannot use the mini-program. */
describe('reporting on behalf of a household', () => {
  let app: TestApp;
  let world: World;
  let gridWorker: string;
  let gridWorkerId: string;
  let handler: string;

  const body = (onBehalfOf: Record<string, unknown> = { name: '李大爷' }, extra: Record<string, unknown> = {}) => ({
    serviceCode: 'direct',
    villageCode: REGIONS.chengguanVillage,
    text: '李大爷家门口的路灯坏了',
    categoryCode: 'power',
    onBehalfOf,
    ...extra,
  });
  const file = (token: string, payload: Record<string, unknown>, key?: string) => {
    const request = app.http.post('/api/v1/staff/reports').set(bearer(token));
    return (key === undefined ? request : request.set('Idempotency-Key', key)).send(payload);
  };

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    const worker = await buildStaff(app.dataSource, {
      role: 'grid_worker',
      regionCode: REGIONS.chengguanGrid,
      name: '王强',
    });
    gridWorkerId = worker.id;
    gridWorker = staffToken(app.deps, worker);
    handler = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }));
  });
  afterAll(() => app.close());

  it('files, classifies and routes it like any report, with the filer and the household on the timeline', async () => {
    const filed = await file(gridWorker, body());
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      id: expect.any(String),
      serialNo: expect.stringMatching(/^HY\d{8}-\d{4}$/),
      status: 'dispatched',
      department: { id: world.power.id },
      resolveDueAt: expect.any(String),
      onBehalf: { filedBy: '网格员 王强', household: '李大爷' },
      ratingOnBehalf: false,
    });
    expect(filed.body.timeline[0]).toMatchObject({ type: 'submitted', actor: '网格员 王强 代 李大爷 反映' });
    const row = await app.dataSource.getRepository(Report).findOneByOrFail({ id: filed.body.id });
    expect(row).toMatchObject({ citizenId: null, filedByStaffId: gridWorkerId, onBehalfName: '李大爷' });
  });

  it('stores the household phone encrypted and shows it masked', async () => {
    const filed = await file(gridWorker, body({ name: '李大爷', phone: '13912345678' }));
    expect(filed.status).toBe(201);
    expect(filed.body.reporter).toEqual({ nickname: '李大爷', phone: '139****5678' });
    const row = await app.dataSource.getRepository(Report).findOneByOrFail({ id: filed.body.id });
    expect(row.onBehalfPhoneEncrypted).not.toContain('13912345678');
    expect(app.deps.cipher.decrypt(row.onBehalfPhoneEncrypted!)).toBe('13912345678');
    const dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
    const seen = await app.http.get(`/api/v1/staff/reports/${filed.body.id}`).set(bearer(dispatcher));
    expect(seen.body.reporter.phone).toBe('139****5678');
    expect(JSON.stringify(seen.body)).not.toContain('13912345678');
  });

  it('answers a retry with the same key with the same report; an empty key is refused', async () => {
    const first = await file(gridWorker, body({ name: '赵奶奶' }), 'visit-zhao-0001');
    const retry = await file(gridWorker, body({ name: '赵奶奶' }), 'visit-zhao-0001');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await app.dataSource.getRepository(Report).countBy({ onBehalfName: '赵奶奶' })).toBe(1);
    const empty = await file(gridWorker, body({ name: '赵奶奶' }), '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('Idempotency-Key');
  });

  it('puts a report for a bound phone in that citizen’s 我的反映, and sends them its messages', async () => {
    const phone = '13800001111';
    const citizen = await buildCitizen(app.dataSource, {
      phoneHash: app.deps.cipher.lookupHash(phone),
      phoneEncrypted: app.deps.cipher.encrypt(phone),
    });
    const filed = await file(gridWorker, body({ name: '李大爷', phone }));
    const mine = await app.http.get('/api/v1/reports/mine').set(bearer(citizenToken(app.deps, citizen)));
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(filed.body.id);
    const detail = await app.http.get(`/api/v1/reports/${filed.body.id}`).set(bearer(citizenToken(app.deps, citizen)));
    expect(detail.status).toBe(200);
    expect(detail.body.onBehalf).toEqual({ filedBy: '网格员 王强', household: '李大爷' });
    expect(
      (
        await app.http
          .post(`/api/v1/staff/reports/${filed.body.id}/actions`)
          .set(bearer(handler))
          .send({ action: 'sign' })
      ).status,
    ).toBe(200);
    const messages = app.dataSource.getRepository(Message);
    expect(
      await messages.countBy({
        reportId: filed.body.id,
        recipientType: 'citizen',
        recipientId: citizen.id,
        kind: 'report_signed',
      }),
    ).toBe(1);
    expect(await messages.countBy({ reportId: filed.body.id, recipientType: 'staff', recipientId: gridWorkerId })).toBe(
      0,
    );
  });

  it('sends the updates to the filer when the household has no account', async () => {
    const filed = await file(gridWorker, body({ name: '孙大娘', phone: '13700002222' }));
    await app.http.post(`/api/v1/staff/reports/${filed.body.id}/actions`).set(bearer(handler)).send({ action: 'sign' });
    const inbox = await app.http.get('/api/v1/staff/messages').set(bearer(gridWorker));
    expect(inbox.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ reportId: filed.body.id, kind: 'report_signed' })]),
    );
  });

  it('is for the filer’s own village and the people in the field only', async () => {
    expect((await app.http.post('/api/v1/staff/reports').send(body())).status).toBe(401);
    const elsewhere = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: `${REGIONS.jianchiVillage}001` }),
    );
    const outside = await file(elsewhere, body());
    expect(outside.status).toBe(403);
    expect((await file(handler, body())).status).toBe(403);
    const cadre = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
    );
    expect((await file(cadre, body({ name: '周大哥' }))).status).toBe(201);
  });

  it('files for a household of the roster, reaching it by the roster’s phone; a 三线 member may too', async () => {
    const phone = '13500004444';
    const household = await app.dataSource.getRepository(Household).save({
      id: newId(),
      gridCode: REGIONS.chengguanGrid,
      headName: '钱大爷',
      address: '二组 3 号',
      phoneEncrypted: app.deps.cipher.encrypt(phone),
      phoneHash: app.deps.cipher.lookupHash(phone),
      memberCount: 1,
      tags: ['elderly_alone'],
      liaisonId: null,
      lastVisitedAt: null,
    });
    const filed = await file(gridWorker, body({ name: '钱大爷', householdId: household.id }));
    expect(filed.status).toBe(201);
    expect(filed.body.reporter).toEqual({ nickname: '钱大爷', phone: '135****4444' });
    expect(await app.dataSource.getRepository(Report).findOneByOrFail({ id: filed.body.id })).toMatchObject({
      householdId: household.id,
    });
    const unknown = await file(gridWorker, body({ name: '钱大爷', householdId: newId() }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('onBehalfOf.householdId');
    const liaison = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'liaison', regionCode: REGIONS.chengguanGrid }),
    );
    expect((await file(liaison, body({ name: '孙大爷' }))).status).toBe(201);
  });

  it('names the field of a bad household', async () => {
    const noName = await file(gridWorker, body({ name: '' }));
    expect(noName.status).toBe(400);
    expect(noName.body.error.field).toBe('onBehalfOf.name');
    const badPhone = await file(gridWorker, body({ name: '李大爷', phone: '123' }));
    expect(badPhone.body.error.field).toBe('onBehalfOf.phone');
    const missing = await file(gridWorker, body(undefined, { onBehalfOf: undefined }));
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('onBehalfOf');
  });
});

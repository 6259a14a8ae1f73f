import { Citizen, IdempotencyKey, Report, ReportEvent } from '../../db/entities';
import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('citizen reports', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
  });
  afterAll(() => app.close());

  it('stores a text report with a serial number and sends it to triage without a category', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const response = await submitReport(app, citizen);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'submitted',
      statusName: '已收到',
      department: null,
      category: null,
      villageName: '五一村',
    });
    expect(response.body.serialNo).toMatch(/^HY\d{8}-\d{4}$/);
    expect(response.body.timeline.map((event: { type: string }) => event.type)).toEqual(['submitted']);
    const row = await app.dataSource.getRepository(Report).findOneByOrFail({ id: response.body.id });
    expect(row).toMatchObject({ townshipCode: REGIONS.chengguan, countyCode: REGIONS.county, citizenId: citizen.id });
  });

  it("sends a categorised report to the category's department in the report's township, with deadlines", async () => {
    const citizen = await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage });
    const response = await submitReport(app, citizen, { categoryCode: 'power', villageCode: REGIONS.jianchiVillage });
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('dispatched');
    expect(response.body.department).toEqual({ id: world.jianchiPower.id, name: '涧池镇供电所' });
    expect(response.body.category).toEqual({ code: 'power', name: '供电' });
    const hours = (Date.parse(response.body.responseDueAt) - Date.parse(response.body.submittedAt)) / 3600_000;
    expect(hours).toBeCloseTo(24, 1);
    expect(response.body.timeline.map((event: { type: string }) => event.type)).toEqual(['submitted', 'route']);
  });

  it('numbers reports of one day in sequence', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const first = await submitReport(app, citizen);
    const second = await submitReport(app, citizen);
    const sequence = (serial: string) => Number(serial.split('-')[1]);
    expect(sequence(second.body.serialNo)).toBe(sequence(first.body.serialNo) + 1);
  });

  it.each([
    [{ text: undefined }, 'text'],
    [{ villageCode: REGIONS.chengguan }, 'villageCode'],
    [{ villageCode: 'abc' }, 'villageCode'],
    [{ serviceCode: 'nope' }, 'serviceCode'],
    [{ anonymous: true }, 'anonymous'],
    [{ categoryCode: 'no-such-category' }, 'categoryCode'],
    [{ photoUploadIds: ['01HZZZZZZZZZZZZZZZZZZZZZZZ'] }, 'photoUploadIds'],
    [{ contactPhone: '12345' }, 'contactPhone'],
    [{ location: { lat: 200, lng: 0 } }, 'location.lat'],
  ])('answers 400 naming the field for %j', async (override, field) => {
    const citizen = await buildCitizen(app.dataSource);
    const before = await app.dataSource.getRepository(Report).count();
    const response = await submitReport(app, citizen, override);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'bad_request', field });
    expect(await app.dataSource.getRepository(Report).count()).toBe(before);
  });

  it('answers a retry with the same Idempotency-Key with the same report and stores nothing new', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const first = await submitReport(app, citizen, {}, 'draft-0001-abcdef');
    const retry = await submitReport(app, citizen, {}, 'draft-0001-abcdef');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.serialNo).toBe(first.body.serialNo);
    expect(await app.dataSource.getRepository(Report).countBy({ citizenId: citizen.id })).toBe(1);
    expect(await app.dataSource.getRepository(ReportEvent).countBy({ reportId: first.body.id })).toBe(1);
  });

  it('stores one report when retries with one key arrive at the same time', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const answers = await Promise.all([1, 2, 3, 4].map(() => submitReport(app, citizen, {}, 'concurrent-key-0001')));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(await app.dataSource.getRepository(Report).countBy({ citizenId: citizen.id })).toBe(1);
    expect(await app.dataSource.getRepository(IdempotencyKey).countBy({ citizenId: citizen.id })).toBe(1);
  });

  it('answers 400 naming the header when Idempotency-Key is sent empty, storing nothing', async () => {
    const citizen = await buildCitizen(app.dataSource);
    for (const key of ['', '   ']) {
      const response = await app.http
        .post('/api/v1/reports')
        .set(bearer(citizenToken(app.deps, citizen)))
        .set('Idempotency-Key', key)
        .send({ serviceCode: 'direct', villageCode: REGIONS.chengguanVillage, text: '村口电线杆倾斜' });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'bad_request', field: 'Idempotency-Key' });
    }
    expect(await app.dataSource.getRepository(Report).countBy({ citizenId: citizen.id })).toBe(0);
  });

  it('stores report text without NUL or bidirectional overrides, as it stores a nickname', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const response = await submitReport(app, citizen, { text: '村口\u202E电线杆\u0000倾斜\n请尽快处理' });
    expect(response.status).toBe(201);
    expect(response.body.text).toBe('村口电线杆倾斜\n请尽快处理');
    expect((await app.dataSource.getRepository(Report).findOneByOrFail({ id: response.body.id })).text).toBe(
      '村口电线杆倾斜\n请尽快处理',
    );
    const renamed = await app.http
      .patch('/api/v1/me')
      .set(bearer(citizenToken(app.deps, citizen)))
      .send({ nickname: '\u202E张三\u0000' });
    expect(renamed.body.nickname).toBe('张三');
    expect((await app.dataSource.getRepository(Citizen).findOneByOrFail({ id: citizen.id })).nickname).toBe('张三');
    const onlyControls = await submitReport(app, citizen, { text: '\u202E\u0000' });
    expect(onlyControls.status).toBe(400);
    expect(onlyControls.body.error.field).toBe('text');
  });

  it('refuses a key reused for a different report with 409', async () => {
    const citizen = await buildCitizen(app.dataSource);
    await submitReport(app, citizen, {}, 'reused-key-000001');
    const other = await submitReport(app, citizen, { text: '另一件事' }, 'reused-key-000001');
    expect(other.status).toBe(409);
    expect(other.body.error.field).toBe('Idempotency-Key');
  });

  it('answers 401 without a citizen token, including with a staff token', async () => {
    const staff = await buildStaff(app.dataSource, { role: 'dispatcher' });
    expect((await app.http.post('/api/v1/reports').send({})).status).toBe(401);
    expect((await app.http.get('/api/v1/reports/mine').set(bearer(staffToken(app.deps, staff)))).status).toBe(401);
  });

  it("lists only the citizen's own reports and answers 403 for another's", async () => {
    const owner = await buildCitizen(app.dataSource);
    const stranger = await buildCitizen(app.dataSource);
    const submitted = await submitReport(app, owner);
    const mine = await app.http.get('/api/v1/reports/mine?pageSize=5').set(bearer(citizenToken(app.deps, owner)));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect(mine.body.items[0]).toMatchObject({
      id: submitted.body.id,
      serialNo: submitted.body.serialNo,
      status: 'submitted',
    });
    const theirs = await app.http
      .get(`/api/v1/reports/${submitted.body.id}`)
      .set(bearer(citizenToken(app.deps, stranger)));
    expect(theirs.status).toBe(403);
    const strangerToken = bearer(citizenToken(app.deps, stranger));
    const rate = await app.http
      .post(`/api/v1/reports/${submitted.body.id}/rating`)
      .set(strangerToken)
      .send({ score: 5 });
    expect(rate.status).toBe(403);
    const dispute = await app.http
      .post(`/api/v1/reports/${submitted.body.id}/dispute`)
      .set(strangerToken)
      .send({ reason: '不满意' });
    expect(dispute.status).toBe(403);
    const supplement = await app.http
      .post(`/api/v1/reports/${submitted.body.id}/supplements`)
      .set(strangerToken)
      .send({ text: '补充' });
    expect(supplement.status).toBe(403);
    expect(await app.dataSource.getRepository(ReportEvent).countBy({ reportId: submitted.body.id })).toBe(1);
    const unknown = await app.http.get('/api/v1/reports/01JBZ3K4M5N6P7Q8R9S0T1V2W3').set(strangerToken);
    expect(unknown.status).toBe(404);
    const badPage = await app.http.get('/api/v1/reports/mine?pageSize=1000').set(bearer(citizenToken(app.deps, owner)));
    expect(badPage.status).toBe(400);
    expect(badPage.body.error.field).toBe('pageSize');
  });

  it('refuses to rate a report before it is resolved, and validates the score', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const submitted = await submitReport(app, citizen);
    const token = bearer(citizenToken(app.deps, citizen));
    const early = await app.http.post(`/api/v1/reports/${submitted.body.id}/rating`).set(token).send({ score: 5 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('invalid_transition');
    const bad = await app.http.post(`/api/v1/reports/${submitted.body.id}/rating`).set(token).send({ score: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('score');
  });

  it('takes a supplement while open and shows it on the public timeline', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const submitted = await submitReport(app, citizen);
    const token = bearer(citizenToken(app.deps, citizen));
    const empty = await app.http.post(`/api/v1/reports/${submitted.body.id}/supplements`).set(token).send({});
    expect(empty.status).toBe(400);
    const added = await app.http
      .post(`/api/v1/reports/${submitted.body.id}/supplements`)
      .set(token)
      .send({ text: '下雨天更危险' });
    expect(added.status).toBe(201);
    expect(added.body.timeline.at(-1)).toMatchObject({ type: 'supplement', note: '下雨天更危险', actor: '您' });
  });
});

import { type Citizen, Household, Message, Report } from '../../db/entities';
import { newId } from '../../db/ids';
import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildRegion,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { testPhoto } from '../../test/media';
import { type TestApp, createTestApp } from '../../test/testApp';
import { bytes, sheetRows } from '../../test/workbook';

const FIRST_GRID = REGIONS.chengguanGrid;
const SECOND_GRID = `${REGIONS.chengguanVillage}002`;

/**
 * A grid worker sees and acts only in their grid: a report belongs to the grid of its household
 * (chosen for a 代报, or found by the citizen's bound phone) or of the grid worker who filed it;
 * a report placed in no grid is the village's, seen by every grid worker of the village. The
 * queue, its counts, the export, the detail, the actions and the messages agree.
 */
describe('a grid worker’s grid', () => {
  let app: TestApp;
  let world: World;
  const ids = { firstWorker: '', secondWorker: '' };
  const tokens = { firstWorker: '', secondWorker: '', cadre: '', dispatcher: '', handler: '' };
  /** Reports by where they should land: grid 1, grid 2 or the whole village. */
  const reports: Record<'ownFirst' | 'forFirst' | 'cadreForSecond' | 'bySecond' | 'village' | 'elsewhere', string> = {
    ownFirst: '',
    forFirst: '',
    cadreForSecond: '',
    bySecond: '',
    village: '',
    elsewhere: '',
  };
  let households: { first: Household; second: Household };
  /** A villager whose bound phone is that of a household of grid 1. */
  let resident: Citizen;

  const get = (token: string, path: string) => app.http.get(`/api/v1${path}`).set(bearer(token));
  const act = (token: string, id: string, body: Record<string, unknown>) =>
    app.http.post(`/api/v1/staff/reports/${id}/actions`).set(bearer(token)).send(body);
  const queueIds = async (token: string, query = '') => {
    const queue = await get(token, `/staff/reports?tab=all&pageSize=50${query}`);
    expect(queue.status).toBe(200);
    return queue.body.items.map((item: { id: string }) => item.id).sort();
  };
  const fileOnBehalf = async (token: string, onBehalfOf: Record<string, unknown>) => {
    const filed = await app.http.post('/api/v1/staff/reports').set(bearer(token)).send({
      serviceCode: 'direct',
      villageCode: REGIONS.chengguanVillage,
      text: '门口的路灯坏了',
      categoryCode: 'power',
      onBehalfOf,
    });
    expect(filed.status).toBe(201);
    return filed.body.id as string;
  };
  const household = (gridCode: string, headName: string, phone: string, id = newId()) =>
    app.dataSource.getRepository(Household).save({
      id,
      gridCode,
      headName,
      address: '一组 3 号',
      phoneEncrypted: app.deps.cipher.encrypt(phone),
      phoneHash: app.deps.cipher.lookupHash(phone),
      memberCount: 2,
      tags: [],
      liaisonId: null,
      lastVisitedAt: null,
    });
  const citizenWithPhone = (phone: string | null) =>
    buildCitizen(app.dataSource, {
      phoneHash: phone ? app.deps.cipher.lookupHash(phone) : null,
      phoneEncrypted: phone ? app.deps.cipher.encrypt(phone) : null,
    });
  const byId = (...keys: (keyof typeof reports)[]) => keys.map((key) => reports[key]).sort();

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    await buildRegion(app.dataSource, SECOND_GRID, '五一村第二网格', 'grid', REGIONS.chengguanVillage);
    const firstWorker = await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: FIRST_GRID, name: '周明' });
    const secondWorker = await buildStaff(app.dataSource, {
      role: 'grid_worker',
      regionCode: SECOND_GRID,
      name: '张丽',
    });
    ids.firstWorker = firstWorker.id;
    ids.secondWorker = secondWorker.id;
    tokens.firstWorker = staffToken(app.deps, firstWorker);
    tokens.secondWorker = staffToken(app.deps, secondWorker);
    tokens.cadre = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
    );
    tokens.dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
    tokens.handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }),
    );
    // One phone on two households: entered first in grid 2 under a later id, then in grid 1; the first by id counts.
    await household(SECOND_GRID, '李德顺之子', '15550000001', `Z${newId().slice(1)}`);
    households = {
      first: await household(FIRST_GRID, '李德顺', '15550000001'),
      second: await household(SECOND_GRID, '王桂英', '15550000002'),
    };

    resident = await citizenWithPhone('15550000001');
    const own = await submitReport(app, resident, { categoryCode: 'power' });
    expect(own.status).toBe(201);
    reports.ownFirst = own.body.id;
    reports.forFirst = await fileOnBehalf(tokens.firstWorker, { name: '李德顺', householdId: households.first.id });
    reports.cadreForSecond = await fileOnBehalf(tokens.cadre, { name: '王桂英', householdId: households.second.id });
    reports.bySecond = await fileOnBehalf(tokens.secondWorker, { name: '过路群众' });
    const village = await submitReport(app, await citizenWithPhone(null), { categoryCode: 'power' });
    reports.village = village.body.id;
    const elsewhere = await submitReport(app, await citizenWithPhone('15550000002'), {
      categoryCode: 'power',
      villageCode: REGIONS.jianchiVillage,
    });
    expect(elsewhere.status).toBe(201);
    reports.elsewhere = elsewhere.body.id;
  });
  afterAll(() => app.close());

  it('places a report in the grid of its household, its filer or the citizen’s phone, else in none', async () => {
    const gridOf = async (id: string) => (await app.dataSource.getRepository(Report).findOneByOrFail({ id })).gridCode;
    expect(await gridOf(reports.ownFirst)).toBe(FIRST_GRID);
    expect(await gridOf(reports.forFirst)).toBe(FIRST_GRID);
    expect(await gridOf(reports.cadreForSecond)).toBe(SECOND_GRID);
    expect(await gridOf(reports.bySecond)).toBe(SECOND_GRID);
    expect(await gridOf(reports.village)).toBeNull();
    // The household of that phone lives in another village: the report there belongs to no grid.
    expect(await gridOf(reports.elsewhere)).toBeNull();
  });

  it('lists and counts to each grid worker their grid and the village’s grid-less reports', async () => {
    const first = byId('ownFirst', 'forFirst', 'village');
    const second = byId('cadreForSecond', 'bySecond', 'village');
    expect(await queueIds(tokens.firstWorker)).toEqual(first);
    expect(await queueIds(tokens.secondWorker)).toEqual(second);
    expect(await queueIds(tokens.secondWorker, `&regionCode=${REGIONS.chengguanVillage}`)).toEqual(second);
    expect((await get(tokens.firstWorker, '/staff/reports/counts')).body.all).toBe(3);
    expect((await get(tokens.secondWorker, '/staff/reports/counts')).body.all).toBe(3);
    expect((await get(tokens.secondWorker, `/staff/reports?tab=all&regionCode=${FIRST_GRID}`)).status).toBe(403);
    // The village and the township see every grid; a grid filter shows what that grid's worker sees.
    const village = byId('ownFirst', 'forFirst', 'cadreForSecond', 'bySecond', 'village');
    expect(await queueIds(tokens.cadre)).toEqual(village);
    expect(await queueIds(tokens.dispatcher, `&regionCode=${REGIONS.chengguanVillage}`)).toEqual(village);
    expect(await queueIds(tokens.dispatcher, `&regionCode=${SECOND_GRID}`)).toEqual(second);
  });

  it('exports to a grid worker only their grid and the village’s grid-less reports', async () => {
    const serials = new Map<string, string>();
    for (const id of Object.values(reports))
      serials.set(id, (await app.dataSource.getRepository(Report).findOneByOrFail({ id })).serialNo);
    const file = await get(tokens.secondWorker, '/staff/reports/export').buffer(true).parse(bytes);
    expect(file.status).toBe(200);
    const text = JSON.stringify(await sheetRows(file.body));
    for (const key of ['cadreForSecond', 'bySecond', 'village'] as const)
      expect(text).toContain(serials.get(reports[key]));
    for (const key of ['ownFirst', 'forFirst'] as const) expect(text).not.toContain(serials.get(reports[key]));
  });

  it('opens another grid’s report to neither its detail nor its actions', async () => {
    const mine = await get(tokens.firstWorker, `/staff/reports/${reports.ownFirst}`);
    expect(mine.status).toBe(200);
    expect(mine.body.gridName).toBe('五一村第一网格');
    expect((await get(tokens.secondWorker, `/staff/reports/${reports.ownFirst}`)).status).toBe(403);
    const shared = await get(tokens.secondWorker, `/staff/reports/${reports.village}`);
    expect(shared.status).toBe(200);
    expect(shared.body.gridName).toBeNull();
    const photoOf = async (token: string) =>
      (
        await app.http
          .post('/api/v1/uploads')
          .set(bearer(token))
          .attach('file', await testPhoto(), 'a.png')
      ).body.id as string;
    const settle = (token: string, id: string, photo: string) =>
      act(token, id, { action: 'resolve_on_spot', note: '已现场处理', photoUploadIds: [photo] });
    const refused = await settle(tokens.secondWorker, reports.forFirst, await photoOf(tokens.secondWorker));
    expect(refused.status).toBe(403);
    expect((await app.dataSource.getRepository(Report).findOneByOrFail({ id: reports.forFirst })).status).toBe(
      'dispatched',
    );
    const settled = await settle(tokens.firstWorker, reports.forFirst, await photoOf(tokens.firstWorker));
    expect(settled.status).toBe(200);
    expect(settled.body.status).toBe('resolved');
  });

  it('tells a department’s outcome to the grid worker of the report’s grid, and of a grid-less one to all', async () => {
    for (const id of [reports.ownFirst, reports.village]) {
      expect((await act(tokens.handler, id, { action: 'sign' })).status).toBe(200);
      expect((await act(tokens.handler, id, { action: 'resolve', note: '已更换路灯' })).status).toBe(200);
    }
    const told = async (staffId: string, reportId: string) =>
      app.dataSource
        .getRepository(Message)
        .countBy({ recipientType: 'staff', recipientId: staffId, reportId, kind: 'field_follow_up' });
    expect(await told(ids.firstWorker, reports.ownFirst)).toBe(1);
    expect(await told(ids.secondWorker, reports.ownFirst)).toBe(0);
    expect(await told(ids.firstWorker, reports.village)).toBe(1);
    expect(await told(ids.secondWorker, reports.village)).toBe(1);
    const inbox = await get(tokens.secondWorker, '/staff/messages');
    expect(inbox.status).toBe(200);
    const reportIds = inbox.body.items.map((item: { reportId: string }) => item.reportId);
    expect(reportIds).toContain(reports.village);
    expect(reportIds).not.toContain(reports.ownFirst);
  });

  it('places a citizen’s own report in their household’s grid, which they still follow in 我的反映', async () => {
    const citizen = await citizenWithPhone('15550000009');
    await household(SECOND_GRID, '赵家', '15550000009');
    const mine = await submitReport(app, citizen, { categoryCode: 'power' });
    const detail = await app.http.get(`/api/v1/reports/${mine.body.id}`).set(bearer(citizenToken(app.deps, citizen)));
    expect(detail.status).toBe(200);
    expect((await get(tokens.firstWorker, `/staff/reports/${mine.body.id}`)).status).toBe(403);
    expect((await get(tokens.secondWorker, `/staff/reports/${mine.body.id}`)).status).toBe(200);
  });

  it('gives an anonymous report no grid, which would point at the reporter’s household, and no grid worker', async () => {
    const anonymous = await submitReport(app, resident, {
      serviceCode: 'illegal',
      anonymous: true,
      text: '河边有人私设地笼捕鱼',
    });
    expect(anonymous.status).toBe(201);
    expect((await app.dataSource.getRepository(Report).findOneByOrFail({ id: anonymous.body.id })).gridCode).toBeNull();
    for (const token of [tokens.firstWorker, tokens.secondWorker])
      expect((await get(token, `/staff/reports/${anonymous.body.id}`)).status).toBe(403);
    expect((await get(tokens.dispatcher, `/staff/reports/${anonymous.body.id}`)).status).toBe(200);
  });
});

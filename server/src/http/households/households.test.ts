import { Workbook } from 'exceljs';
import { Attachment, AuditLog, Household, type Staff, Visit } from '../../db/entities';
import { REGIONS, bearer, buildRegion, buildStaff, buildWorld, staffToken } from '../../test/factories';
import { testPhoto } from '../../test/media';
import { type TestApp, createTestApp } from '../../test/testApp';
import { bytes, sheetRows } from '../../test/workbook';

const NOW = new Date('2026-11-20T02:00:00.000Z');
const SECOND_GRID = '610921100201002';
const JIANCHI_GRID = '610921101201001';
const HEADERS = ['网格代码', '户主姓名', '住址', '联系电话', '家庭人口', '标签', '三线成员账号'];

async function rosterFile(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('住户');
  sheet.addRow(HEADERS);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('households and visits', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  let liaison: Staff;
  let otherLiaison: Staff;

  const as = (who: string) => bearer(tokens[who]);
  const addHousehold = (who: string, body: Record<string, unknown>) =>
    app.http.post('/api/v1/staff/households').set(as(who)).send(body);
  const headsSeenBy = async (who: string, query = '') => {
    const response = await app.http.get(`/api/v1/staff/households?pageSize=100${query}`).set(as(who));
    expect(response.status).toBe(200);
    return (response.body.items as { headName: string }[]).map((item) => item.headName).sort();
  };
  const importFile = (who: string, file: Buffer) =>
    app.http.post('/api/v1/staff/households/import').set(as(who)).attach('file', file, '住户.xlsx');

  beforeAll(async () => {
    app = await createTestApp({ clock: () => NOW });
    const ds = app.dataSource;
    await buildWorld(ds);
    await buildRegion(ds, SECOND_GRID, '五一村第二网格', 'grid', REGIONS.chengguanVillage);
    await buildRegion(ds, JIANCHI_GRID, '紫云村第一网格', 'grid', REGIONS.jianchiVillage);
    liaison = await buildStaff(ds, {
      role: 'liaison',
      regionCode: REGIONS.chengguanGrid,
      name: '党员张华',
      username: 'liaison_zhang',
    });
    otherLiaison = await buildStaff(ds, { role: 'liaison', regionCode: REGIONS.chengguanGrid, name: '代表李明' });
    const staff: Record<string, Staff> = {
      liaison,
      otherLiaison,
      gridWorker: await buildStaff(ds, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid }),
      secondGridWorker: await buildStaff(ds, { role: 'grid_worker', regionCode: SECOND_GRID }),
      cadre: await buildStaff(ds, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
      dispatcher: await buildStaff(ds, { role: 'dispatcher', regionCode: REGIONS.chengguan }),
      jianchiDispatcher: await buildStaff(ds, { role: 'dispatcher', regionCode: REGIONS.jianchi }),
      county: await buildStaff(ds, { role: 'county', regionCode: REGIONS.county }),
      handler: await buildStaff(ds, { role: 'handler', regionCode: REGIONS.chengguan }),
      sysadmin: await buildStaff(ds, { role: 'sysadmin', regionCode: REGIONS.county }),
    };
    for (const [who, member] of Object.entries(staff)) tokens[who] = staffToken(app.deps, member);

    const households = [
      [
        'cadre',
        {
          gridCode: REGIONS.chengguanGrid,
          headName: '李大爷',
          address: '一组 1 号',
          phone: '13900001111',
          memberCount: 1,
          tags: ['elderly_alone'],
          liaisonId: liaison.id,
        },
      ],
      [
        'gridWorker',
        {
          gridCode: REGIONS.chengguanGrid,
          headName: '王婶',
          address: '一组 2 号',
          memberCount: 3,
          tags: ['low_income', 'left_behind_child'],
          liaisonId: otherLiaison.id,
        },
      ],
      [
        'cadre',
        {
          gridCode: SECOND_GRID,
          headName: '赵伯',
          address: '二组 5 号',
          memberCount: 2,
          tags: ['elderly_alone', 'disabled'],
        },
      ],
      [
        'county',
        {
          gridCode: JIANCHI_GRID,
          headName: '陈奶奶',
          address: '紫云一组 8 号',
          memberCount: 1,
          tags: ['elderly_alone'],
        },
      ],
    ] as const;
    for (const [who, body] of households) expect((await addHousehold(who, body)).status).toBe(201);
  });
  afterAll(() => app.close());

  it('lets nobody without a token in, and no handler or sysadmin: they do not see who lives where', async () => {
    expect((await app.http.get('/api/v1/staff/households')).status).toBe(401);
    expect((await app.http.get('/api/v1/staff/visits')).status).toBe(401);
    expect((await app.http.post('/api/v1/staff/households/import')).status).toBe(401);
    for (const who of ['handler', 'sysadmin']) {
      expect((await app.http.get('/api/v1/staff/households').set(as(who))).status).toBe(403);
      expect((await app.http.get('/api/v1/staff/visits').set(as(who))).status).toBe(403);
    }
    // A 三线 member looks after households; they neither add nor import them, nor does a grid worker import.
    expect(
      (
        await addHousehold('liaison', {
          gridCode: REGIONS.chengguanGrid,
          headName: '新户',
          address: '一组',
          memberCount: 1,
        })
      ).status,
    ).toBe(403);
    expect((await importFile('liaison', await rosterFile([]))).status).toBe(403);
    expect((await importFile('gridWorker', await rosterFile([]))).status).toBe(403);
    expect((await app.http.get('/api/v1/staff/households/import-template').set(as('gridWorker'))).status).toBe(403);
    // Visits are logged in the field only.
    const someHousehold = await app.dataSource.getRepository(Household).findOneByOrFail({ headName: '李大爷' });
    expect(
      (
        await app.http
          .post('/api/v1/staff/visits')
          .set(as('dispatcher'))
          .send({ householdId: someHousehold.id, note: '看望' })
      ).status,
    ).toBe(403);
  });

  it('lets the county create a 三线成员 account on a grid, never on a village', async () => {
    const create = (regionCode: string, username: string) =>
      app.http
        .post('/api/v1/staff/accounts')
        .set(as('county'))
        .send({ username, name: '党员刘军', role: 'liaison', regionCode, password: 'Sanxian#2026' });
    const onGrid = await create(SECOND_GRID, 'liaison_liu');
    expect(onGrid.status).toBe(201);
    expect(onGrid.body.account).toMatchObject({ role: 'liaison', regionCode: SECOND_GRID });
    const onVillage = await create(REGIONS.chengguanVillage, 'liaison_liu2');
    expect(onVillage.status).toBe(400);
    expect(onVillage.body.error.field).toBe('regionCode');
  });

  it('shows each role its own households: a grid, a village, a township, the county, and a 三线 member only those assigned', async () => {
    expect(await headsSeenBy('liaison')).toEqual(['李大爷']);
    expect(await headsSeenBy('otherLiaison')).toEqual(['王婶']);
    expect(await headsSeenBy('gridWorker')).toEqual(['李大爷', '王婶'].sort());
    expect(await headsSeenBy('secondGridWorker')).toEqual(['赵伯']);
    expect(await headsSeenBy('cadre')).toEqual(['李大爷', '王婶', '赵伯'].sort());
    expect(await headsSeenBy('dispatcher')).toEqual(['李大爷', '王婶', '赵伯'].sort());
    expect(await headsSeenBy('jianchiDispatcher')).toEqual(['陈奶奶']);
    expect(await headsSeenBy('county')).toHaveLength(4);
    // Filters narrow within the scope, never widen it.
    expect(await headsSeenBy('county', '&tags=elderly_alone')).toEqual(['李大爷', '赵伯', '陈奶奶'].sort());
    expect(await headsSeenBy('county', '&tags=elderly_alone,disabled')).toEqual(['赵伯']);
    expect(await headsSeenBy('cadre', `&regionCode=${SECOND_GRID}`)).toEqual(['赵伯']);
    expect(await headsSeenBy('secondGridWorker', `&regionCode=${REGIONS.chengguanVillage}`)).toEqual(['赵伯']);
    expect(await headsSeenBy('jianchiDispatcher', `&regionCode=${REGIONS.chengguanVillage}`)).toEqual([]);
    const page = await app.http.get('/api/v1/staff/households?pageSize=1').set(as('county'));
    expect(page.body).toMatchObject({ total: 4, page: 1, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    expect((await app.http.get('/api/v1/staff/households?tags=rich').set(as('county'))).body.error.field).toBe(
      'tags.0',
    );
  });

  it('keeps the phone encrypted with a lookup hash, and shows it masked', async () => {
    const stored = await app.dataSource.getRepository(Household).findOneByOrFail({ headName: '李大爷' });
    expect(stored.phoneEncrypted).not.toContain('13900001111');
    expect(app.deps.cipher.decrypt(stored.phoneEncrypted!)).toBe('13900001111');
    expect(stored.phoneHash).toBe(app.deps.cipher.lookupHash('13900001111'));
    const listed = await app.http.get('/api/v1/staff/households').set(as('liaison'));
    expect(listed.body.items[0]).toMatchObject({
      headName: '李大爷',
      phone: '139****1111',
      gridName: '五一村第一网格',
      villageName: '五一村',
      liaison: { id: liaison.id, name: '党员张华' },
      tags: ['elderly_alone'],
    });
    expect(JSON.stringify(listed.body)).not.toContain('13900001111');
  });

  it("refuses a household outside the editor's region, a liaison of another grid, and bad input naming the field", async () => {
    expect(
      (
        await addHousehold('secondGridWorker', {
          gridCode: REGIONS.chengguanGrid,
          headName: '越界',
          address: '一组',
          memberCount: 1,
        })
      ).status,
    ).toBe(403);
    const wrongLiaison = await addHousehold('cadre', {
      gridCode: SECOND_GRID,
      headName: '某户',
      address: '二组',
      memberCount: 1,
      liaisonId: liaison.id,
    });
    expect(wrongLiaison.status).toBe(400);
    expect(wrongLiaison.body.error.field).toBe('liaisonId');
    const badPhone = await addHousehold('cadre', {
      gridCode: SECOND_GRID,
      headName: '某户',
      address: '二组',
      memberCount: 1,
      phone: '123',
    });
    expect(badPhone.body.error.field).toBe('phone');
    expect(
      (
        await addHousehold('cadre', {
          gridCode: REGIONS.chengguanVillage,
          headName: '某户',
          address: '二组',
          memberCount: 1,
        })
      ).body.error.field,
    ).toBe('gridCode');
    expect(
      (await addHousehold('cadre', { gridCode: SECOND_GRID, headName: '某户', address: '二组', memberCount: 0 })).body
        .error.field,
    ).toBe('memberCount');
  });

  it('imports a roster all or nothing: wrong rows are named by their row and nothing is stored', async () => {
    const before = await app.dataSource.getRepository(Household).count();
    const refused = await importFile(
      'cadre',
      await rosterFile([
        [REGIONS.chengguanGrid, '孙爷爷', '一组 9 号', '13700001111', 1, '独居老人、残疾', 'liaison_zhang'],
        [REGIONS.chengguanGrid, '周奶奶', '一组 10 号', '12345', 1, '', ''],
        [SECOND_GRID, '吴叔', '二组 1 号', '', 2, '富裕户', ''],
        [JIANCHI_GRID, '郑姐', '紫云一组', '', 2, '', ''],
        [SECOND_GRID, '钱婆婆', '二组 2 号', '', 1, '', 'liaison_zhang'],
      ]),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'bad_request',
      field: 'file',
      message: '有 4 行有误，未导入任何住户',
    });
    expect(refused.body.rowErrors).toEqual([
      { row: 3, column: '联系电话', message: '请输入正确的手机号' },
      { row: 4, column: '标签', message: '没有这个标签：富裕户' },
      { row: 5, column: '网格代码', message: '只能登记本辖区网格的住户' },
      { row: 6, column: '三线成员账号', message: '三线成员须是该网格的' },
    ]);
    expect(await app.dataSource.getRepository(Household).count()).toBe(before);

    const accepted = await importFile(
      'cadre',
      await rosterFile([
        [REGIONS.chengguanGrid, '孙爷爷', '一组 9 号', '13700001111', 1, '独居老人、残疾', 'liaison_zhang'],
        [SECOND_GRID, '钱婆婆', '二组 2 号', '', 1, '', ''],
      ]),
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body).toEqual({ imported: 2 });
    const sun = await app.dataSource.getRepository(Household).findOneByOrFail({ headName: '孙爷爷' });
    expect(sun).toMatchObject({
      gridCode: REGIONS.chengguanGrid,
      memberCount: 1,
      tags: ['elderly_alone', 'disabled'],
      liaisonId: liaison.id,
      phoneHash: app.deps.cipher.lookupHash('13700001111'),
    });
    expect(sun.phoneEncrypted).not.toContain('13700001111');
    expect(await app.dataSource.getRepository(AuditLog).countBy({ action: 'household.import', detail: '2 户' })).toBe(
      1,
    );
  });

  it("refuses a file that is not a roster, and a file without the template's headers", async () => {
    const notXlsx = await importFile('cadre', Buffer.from('名字,地址\n'));
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.error.field).toBe('file');
    const workbook = new Workbook();
    workbook.addWorksheet('住户').addRow(['姓名', '地址']);
    const wrongHeaders = await importFile('cadre', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(wrongHeaders.status).toBe(400);
    expect(wrongHeaders.body.error.message).toContain('表头缺少');
  });

  it("offers a template with the headers, an example and the importer's own grids", async () => {
    const response = await app.http
      .get('/api/v1/staff/households/import-template')
      .set(as('cadre'))
      .buffer(true)
      .parse(bytes);
    expect(response.status).toBe(200);
    const rows = await sheetRows(response.body);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows[1]?.[0]).toBe(REGIONS.chengguanGrid);
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const grids: string[] = [];
    workbook.getWorksheet('网格代码')!.eachRow((row, number) => number > 1 && grids.push(String(row.getCell(1).value)));
    expect(grids).toEqual([REGIONS.chengguanGrid, SECOND_GRID]);
  });

  it('logs a visit with photos to a household one looks after, and shows visits within scope only', async () => {
    const repository = app.dataSource.getRepository(Household);
    const mine = await repository.findOneByOrFail({ headName: '李大爷' });
    const notMine = await repository.findOneByOrFail({ headName: '王婶' });
    const photo = await app.http
      .post('/api/v1/uploads')
      .set(as('liaison'))
      .attach('file', await testPhoto(), 'a.png');
    expect(photo.status).toBe(201);

    const visit = await app.http
      .post('/api/v1/staff/visits')
      .set(as('liaison'))
      .send({ householdId: mine.id, note: '老人身体好，缺冬季取暖煤', photoUploadIds: [photo.body.id] });
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({
      household: { id: mine.id, headName: '李大爷' },
      visitor: { id: liaison.id, name: '党员张华' },
      photoUploadIds: [photo.body.id],
      visitedAt: NOW.toISOString(),
    });
    expect((await repository.findOneByOrFail({ id: mine.id })).lastVisitedAt?.toISOString()).toBe(NOW.toISOString());
    expect((await app.dataSource.getRepository(Attachment).findOneByOrFail({ id: photo.body.id })).visitId).toBe(
      visit.body.id,
    );

    // The same photo twice, someone else's household, a household that does not exist.
    const again = await app.http
      .post('/api/v1/staff/visits')
      .set(as('liaison'))
      .send({ householdId: mine.id, note: '再访', photoUploadIds: [photo.body.id] });
    expect(again.status).toBe(400);
    expect(again.body.error.field).toBe('photoUploadIds');
    expect(
      (await app.http.post('/api/v1/staff/visits').set(as('liaison')).send({ householdId: notMine.id, note: '看望' }))
        .status,
    ).toBe(403);
    expect(
      (
        await app.http
          .post('/api/v1/staff/visits')
          .set(as('secondGridWorker'))
          .send({ householdId: mine.id, note: '看望' })
      ).status,
    ).toBe(403);
    expect(
      (
        await app.http
          .post('/api/v1/staff/visits')
          .set(as('liaison'))
          .send({ householdId: '01JAAAAAAAAAAAAAAAAAAAAAAA', note: '看望' })
      ).status,
    ).toBe(404);
    expect(
      (await app.http.post('/api/v1/staff/visits').set(as('liaison')).send({ householdId: mine.id, note: '' })).body
        .error.field,
    ).toBe('note');
    expect(
      (
        await app.http
          .post('/api/v1/staff/visits')
          .set(as('gridWorker'))
          .send({ householdId: notMine.id, note: '送低保政策' })
      ).status,
    ).toBe(201);
    expect(await app.dataSource.getRepository(Visit).count()).toBe(2);

    const notesSeenBy = async (who: string) =>
      ((await app.http.get('/api/v1/staff/visits').set(as(who))).body.items as { note: string }[])
        .map((item) => item.note)
        .sort();
    expect(await notesSeenBy('liaison')).toEqual(['老人身体好，缺冬季取暖煤']);
    expect(await notesSeenBy('otherLiaison')).toEqual(['送低保政策']);
    expect(await notesSeenBy('gridWorker')).toHaveLength(2);
    expect(await notesSeenBy('secondGridWorker')).toEqual([]);
    expect(await notesSeenBy('jianchiDispatcher')).toEqual([]);
    expect(await notesSeenBy('county')).toHaveLength(2);
  });

  it('logs a visit resent with the same Idempotency-Key once, with one set of photos', async () => {
    const mine = await app.dataSource.getRepository(Household).findOneByOrFail({ headName: '李大爷' });
    const photo = await app.http
      .post('/api/v1/uploads')
      .set(as('liaison'))
      .attach('file', await testPhoto(), 'a.png');
    const body = { householdId: mine.id, note: '送去取暖煤', photoUploadIds: [photo.body.id] };
    const send = (key: string, sent: object = body) =>
      app.http.post('/api/v1/staff/visits').set(as('liaison')).set('Idempotency-Key', key).send(sent);
    const visitsBefore = await app.dataSource.getRepository(Visit).count();

    const first = await send('v-0001-abcdef');
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await send('v-0001-abcdef');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await app.dataSource.getRepository(Visit).count()).toBe(visitsBefore + 1);
    expect(await app.dataSource.getRepository(Attachment).findBy({ visitId: first.body.id })).toHaveLength(1);

    const other = await send('v-0001-abcdef', { ...body, note: '另一次走访' });
    expect(other.status).toBe(409);
    expect(other.body.error.field).toBe('Idempotency-Key');
    for (const key of ['', 'bad key!']) {
      const refused = await send(key, { householdId: mine.id, note: '看望' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.field).toBe('Idempotency-Key');
    }
    // Another visitor's key is their own.
    const theirs = await app.http
      .post('/api/v1/staff/visits')
      .set(as('gridWorker'))
      .set('Idempotency-Key', 'v-0001-abcdef')
      .send({ householdId: mine.id, note: '看望' });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    expect(await app.dataSource.getRepository(Visit).count()).toBe(visitsBefore + 2);
  });

  it('logs one visit when the same send arrives twice at once', async () => {
    const mine = await app.dataSource.getRepository(Household).findOneByOrFail({ headName: '李大爷' });
    const photo = await app.http
      .post('/api/v1/uploads')
      .set(as('liaison'))
      .attach('file', await testPhoto(), 'a.png');
    const body = { householdId: mine.id, note: '两次同时到达', photoUploadIds: [photo.body.id] };
    const send = () =>
      app.http.post('/api/v1/staff/visits').set(as('liaison')).set('Idempotency-Key', 'v-0002-racing').send(body);

    const [one, two] = await Promise.all([send(), send()]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.id).toBe(two.body.id);
    expect(await app.dataSource.getRepository(Visit).countBy({ note: '两次同时到达' })).toBe(1);
    expect(await app.dataSource.getRepository(Attachment).findBy({ visitId: one.body.id })).toHaveLength(1);
  });
});

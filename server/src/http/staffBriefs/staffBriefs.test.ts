import { Workbook } from 'exceljs';
import { WeeklyBriefListSchema } from '@minqing/shared';
import { AuditLog, WeeklyBriefRow } from '../../db/entities';
import { REGIONS, bearer, buildStaff, staffToken } from '../../test/factories';
import { BRIEF_NOW, WATER, WEEK, buildHotspotsWorld } from '../../test/hotspotsWorld';
import { chinaTime } from '../../test/statsWorld';
import { type TestApp, createTestApp } from '../../test/testApp';
import { type CellValue, bytes } from '../../test/workbook';
import { WeeklyBriefJob, dueWeek, mondayOf } from '../../stats/weeklyBrief';
import { BRIEF_SHEETS } from './briefWorkbook';

/** Every sheet's rows as plain values, by sheet name. */
async function sheetsOf(body: Buffer): Promise<Map<string, CellValue[][]>> {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheets = new Map<string, CellValue[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      rows.push(
        Array.from(row.values as CellValue[])
          .slice(1)
          .map((value) => value ?? null),
      );
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

describe('研判简报: the Monday job and GET /api/v1/staff/briefs', () => {
  let app: TestApp;
  let county: string;
  let dispatcher: string;
  const download = (token: string, path: string) =>
    app.http.get(`/api/v1/staff/briefs/${path}`).set(bearer(token)).buffer(true).parse(bytes);
  const briefRows = () =>
    app.dataSource.getRepository(WeeklyBriefRow).find({ order: { week: 'ASC', regionCode: 'ASC' } });

  beforeAll(async () => {
    app = await createTestApp({ clock: () => BRIEF_NOW });
    await buildHotspotsWorld(app.dataSource);
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
  });
  afterAll(() => app.close());

  it('knows the week a brief is due for, in China time', () => {
    expect(mondayOf('2026-04-12')).toBe('2026-04-06');
    expect(mondayOf('2026-04-06')).toBe('2026-04-06');
    // Sunday 23:59 in Beijing is still the week under way; Monday 00:00 ends it.
    expect(dueWeek(chinaTime('2026-04-12 23:59'))).toBe('2026-03-30');
    expect(dueWeek(chinaTime('2026-04-13 00:00'))).toBe('2026-04-06');
  });

  it('makes one brief a week for the county and each township, however often it runs', async () => {
    expect(await new WeeklyBriefJob(app.deps).runOnce(BRIEF_NOW)).toEqual({ week: WEEK.from, made: 3 });
    // Again in the same process, in another one, and later that Monday: nothing more.
    const again = new WeeklyBriefJob(app.deps);
    expect(await again.runOnce(BRIEF_NOW)).toEqual({ week: WEEK.from, made: 0 });
    expect(await again.runOnce(chinaTime('2026-04-13 09:00'))).toEqual({ week: WEEK.from, made: 0 });
    const rows = await briefRows();
    expect(rows.map((row) => [row.week, row.regionCode])).toEqual([
      [WEEK.from, REGIONS.county],
      [WEEK.from, REGIONS.chengguan],
      [WEEK.from, REGIONS.jianchi],
    ]);
  });

  it('lists the briefs of the member’s region; the county may ask for a township', async () => {
    const own = await app.http.get('/api/v1/staff/briefs').set(bearer(dispatcher));
    expect(own.status).toBe(200);
    expect(WeeklyBriefListSchema.parse(own.body)).toEqual({
      regionCode: REGIONS.chengguan,
      regionName: '城关镇',
      items: [
        {
          week: WEEK.from,
          ...WEEK,
          regionCode: REGIONS.chengguan,
          regionName: '城关镇',
          generatedAt: BRIEF_NOW.toISOString(),
        },
      ],
    });
    const whole = await app.http.get('/api/v1/staff/briefs').set(bearer(county));
    expect(whole.body).toMatchObject({ regionCode: REGIONS.county, items: [{ regionName: '汉阴县' }] });
    const township = await app.http.get(`/api/v1/staff/briefs?regionCode=${REGIONS.jianchi}`).set(bearer(county));
    expect(township.body.items.map((item: { regionCode: string }) => item.regionCode)).toEqual([REGIONS.jianchi]);
  });

  it('answers the county brief as .xlsx with its five sections and the week’s figures', async () => {
    const response = await download(county, `${WEEK.from}.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`研判简报-汉阴县-${WEEK.from}.xlsx`)}`,
    );
    const sheets = await sheetsOf(response.body);
    expect([...sheets.keys()]).toEqual([...BRIEF_SHEETS]);
    const rowsOf = (name: (typeof BRIEF_SHEETS)[number]) => sheets.get(name)?.slice(3) ?? [];
    expect(sheets.get('本周热点')?.[0][0]).toBe('研判简报 · 本周热点 · 汉阴县 2026-04-06 至 2026-04-12');
    expect(rowsOf('本周热点')).toEqual([
      ['涧池镇', '紫云村', WATER, 3, 0, 0],
      ['城关镇', '五一村', '供电', 3, 1, 2],
    ]);
    // 本周 15 received (1 resolved); the week before 4 (2 resolved, rated 5 and 2); a year ago 7, all resolved.
    const comparison = rowsOf('同比环比');
    expect(comparison.find((row) => row[0] === '受理件数')).toEqual(['受理件数', 15, 4, 7, 11, 8]);
    expect(comparison.find((row) => row[0] === '办结件数')).toEqual(['办结件数', 1, 2, 7, -1, -6]);
    expect(comparison.find((row) => row[0] === '满意率')).toEqual(['满意率', null, 0.5]);
    expect(rowsOf('超期')).toEqual([
      ['城关镇供电所', 2],
      ['涧池镇供电所', 1],
    ]);
    expect(rowsOf('重复投诉')).toEqual([
      ['城关镇', '五一村', WATER, 3, '2026-04-11 09:55'],
      ['涧池镇', '紫云村', WATER, 1, '2026-04-06 09:00'],
    ]);
    expect(rowsOf('满意度最低的部门')).toEqual([
      ['城关镇供电所', 2, 1, 0.5],
      ['涧池镇供电所', 1, 1, 1],
    ]);
    expect(await app.dataSource.getRepository(AuditLog).countBy({ action: 'brief.export' })).toBe(1);
  });

  it("gives a dispatcher their township's brief only", async () => {
    const sheets = await sheetsOf((await download(dispatcher, `${WEEK.from}.xlsx`)).body);
    expect(sheets.get('本周热点')?.slice(3)).toEqual([['城关镇', '五一村', '供电', 3, 1, 2]]);
    expect(sheets.get('超期')?.slice(3)).toEqual([['城关镇供电所', 2]]);
    expect(sheets.get('同比环比')?.slice(3)[0]).toEqual(['受理件数', 8, 4, 2, 4, 6]);
    expect((await download(dispatcher, `${WEEK.from}.xlsx?regionCode=${REGIONS.jianchi}`)).status).toBe(403);
    expect(
      (await app.http.get(`/api/v1/staff/briefs?regionCode=${REGIONS.jianchi}`).set(bearer(dispatcher))).status,
    ).toBe(403);
  });

  it('answers 404 for a week without a brief or no week at all, 401 and 403 to the others, 400 naming the field', async () => {
    expect((await download(county, '2026-03-30.xlsx')).status).toBe(404);
    expect((await download(county, 'last-week.xlsx')).status).toBe(404);
    expect((await app.http.get('/api/v1/staff/briefs')).status).toBe(401);
    expect((await app.http.get(`/api/v1/staff/briefs/${WEEK.from}.xlsx`)).status).toBe(401);
    for (const role of ['handler', 'sysadmin', 'cadre', 'grid_worker'] as const) {
      const token = staffToken(app.deps, await buildStaff(app.dataSource, { role, regionCode: REGIONS.chengguan }));
      expect([role, (await app.http.get('/api/v1/staff/briefs').set(bearer(token))).status]).toEqual([role, 403]);
    }
    const bad = await app.http.get('/api/v1/staff/briefs?regionCode=abc').set(bearer(county));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'regionCode' });
  });

  // Last: it adds a week.
  it('makes the next week’s briefs the Monday after, and lists them newest first', async () => {
    expect(await new WeeklyBriefJob(app.deps).runOnce(chinaTime('2026-04-20 07:00'))).toEqual({
      week: '2026-04-13',
      made: 3,
    });
    const list = await app.http.get('/api/v1/staff/briefs').set(bearer(dispatcher));
    expect(list.body.items.map((item: { week: string; to: string }) => [item.week, item.to])).toEqual([
      ['2026-04-13', '2026-04-19'],
      [WEEK.from, WEEK.to],
    ]);
  });
});

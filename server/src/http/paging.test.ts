import { Report } from '../db/entities';
import { REGIONS, buildCitizen, buildWorld, submitReport } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';
import { countRows, paged, pageSlice, pageWindow } from './paging';

describe('paging', () => {
  it('skips the pages before the asked one', () => {
    expect(pageWindow({ page: 1, pageSize: 20 })).toEqual({ skip: 0, take: 20 });
    expect(pageWindow({ page: 3, pageSize: 20 })).toEqual({ skip: 40, take: 20 });
  });

  it('cuts rows in memory the same way, the last page short', () => {
    const rows = Array.from({ length: 45 }, (_, index) => index);
    expect(pageSlice(rows, { page: 3, pageSize: 20 })).toEqual([40, 41, 42, 43, 44]);
    expect(pageSlice(rows, { page: 4, pageSize: 20 })).toEqual([]);
  });
});

describe('countRows', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    const citizen = await buildCitizen(app.dataSource);
    for (const villageCode of [REGIONS.chengguanVillage, REGIONS.chengguanVillage, REGIONS.jianchiVillage])
      for (const text of ['村口电线杆倾斜，存在安全隐患', '二组停电一整天了'])
        expect((await submitReport(app, citizen, { villageCode, text })).status).toBe(201);
  });
  afterAll(() => app.close());

  const township = (code: string) =>
    app.dataSource
      .getRepository(Report)
      .createQueryBuilder('report')
      .where('report.townshipCode = :code', { code })
      .orderBy('report.createdAt', 'DESC')
      .addOrderBy('report.id', 'DESC');

  it('counts every row the query selects, whichever page it is cut to', async () => {
    for (const page of [1, 2, 3]) {
      const query = paged(township(REGIONS.chengguan), { page, pageSize: 3 });
      expect(await countRows(query)).toBe(4);
      expect((await query.getMany()).length).toBe(page === 1 ? 3 : page === 2 ? 1 : 0);
    }
    expect(await countRows(paged(township(REGIONS.jianchi), { page: 1, pageSize: 20 }))).toBe(2);
    expect(await countRows(township('610921199'))).toBe(0);
  });

  it('answers what getCount answers and leaves the query it was given as it was', async () => {
    const query = paged(township(REGIONS.chengguan).andWhere('report.text LIKE :text', { text: '%停电%' }), {
      page: 1,
      pageSize: 1,
    });
    expect(await countRows(query)).toBe(await query.getCount());
    expect(await countRows(query)).toBe(2);
    expect((await query.getMany()).length).toBe(1);
  });

  it('refuses a joined query, whose rows may repeat', async () => {
    const joined = township(REGIONS.chengguan).leftJoin('report_events', 'event', 'event.reportId = report.id');
    await expect(countRows(joined)).rejects.toThrow('joined');
  });
});

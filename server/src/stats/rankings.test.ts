import type { DataSource } from 'typeorm';
import { ReferenceData } from '../db/referenceData';
import { REGIONS } from '../test/factories';
import { MARCH, STATS_NOW, type StatsWorld, buildStatsWorld } from '../test/statsWorld';
import { createTestDataSource } from '../test/testDatabase';
import { computeRankings } from './rankings';

describe('computeRankings', () => {
  let dataSource: DataSource;
  let world: StatsWorld;
  const rankings = async (month: string, minReceived = 1) =>
    computeRankings({
      manager: dataSource.manager,
      lookups: await new ReferenceData(dataSource, 0).snapshot(),
      month,
      now: STATS_NOW,
      minReceived,
    });
  const unranked = <T extends { rank: number; score: number | null }>({ rank: _rank, score: _score, ...entry }: T) =>
    entry;

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    world = await buildStatsWorld(dataSource);
  });
  afterAll(() => dataSource.destroy());

  // A 59.5 (100 × (0.4·2/3 + 0.3·2/3 + 0.2·3/7 + 0.1·3/7)), B 50, F 0 (only response and resolved rates exist), C none.
  const A = () => ({
    departmentId: world.power.id,
    name: '城关镇供电所',
    level: 'township',
    regionCode: REGIONS.chengguan,
    rank: 1,
    score: 59.5,
    ...MARCH.A,
  });
  const B = () => ({
    departmentId: world.agriculture.id,
    name: '县农业农村局',
    level: 'county',
    regionCode: REGIONS.county,
    rank: 2,
    score: 50,
    ...MARCH.B,
  });
  const F = () => ({
    departmentId: world.civil.id,
    name: '县民政局',
    level: 'county',
    regionCode: REGIONS.county,
    rank: 3,
    score: 0,
    ...MARCH.F,
  });
  const C = () => ({
    departmentId: world.jianchiPower.id,
    name: '涧池镇供电所',
    level: 'township',
    regionCode: REGIONS.jianchi,
    ...MARCH.C,
  });

  it('computes every figure of every department in a month, and orders them by score', async () => {
    const march = await rankings('2026-03');
    expect(march).toMatchObject({
      month: '2026-03',
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
      generatedAt: STATS_NOW.toISOString(),
      minReceived: 1,
    });
    expect(march.departments).toEqual([A(), B(), F()]);
    // C only returned a report: nothing received, so nothing to rank it on.
    expect(march.insufficient.departments).toEqual([C()]);
    expect([...march.departments, ...march.insufficient.departments].map((entry) => entry.departmentId)).not.toContain(
      world.idle.id,
    );
  });

  it('ranks only departments with the minimum of reports; the others are listed apart, most received first, without rank or score', async () => {
    // A received 7, B 4, F 1, C none.
    const atFive = await rankings('2026-03', 5);
    expect(atFive.departments).toEqual([A()]);
    expect(atFive.insufficient.departments).toEqual([unranked(B()), unranked(F()), C()]);
    const atFour = await rankings('2026-03', 4);
    expect(atFour.departments).toEqual([A(), B()]);
    expect(atFour.insufficient.departments).toEqual([unranked(F()), C()]);
    // F scores 0 and would be last, A would top the table by luck if it had one report: neither happens under the minimum.
    expect((await rankings('2026-03', 8)).departments).toEqual([]);
  });

  it('applies the same minimum to townships and counties', async () => {
    const march = await rankings('2026-03', 5);
    expect(march.townships).toEqual([
      { regionCode: REGIONS.chengguan, name: '城关镇', level: 'township', rank: 1, score: 57.6, ...MARCH.chengguan },
    ]);
    expect(march.insufficient.townships).toEqual([
      { regionCode: REGIONS.jianchi, name: '涧池镇', level: 'township', ...MARCH.jianchi },
    ]);
    expect(march.counties).toEqual([expect.objectContaining({ regionCode: REGIONS.county, rank: 1 })]);
    expect((await rankings('2026-03', 13)).insufficient.counties).toEqual([
      expect.objectContaining({ regionCode: REGIONS.county, received: 12 }),
    ]);
  });

  it('says how each figure is computed, the minimum included', async () => {
    const { definitions } = await rankings('2026-03', 5);
    expect(definitions.map((definition) => definition.figure)).toEqual([
      'score',
      'received',
      'responseRate',
      'resolvedRate',
      'onTimeRate',
      'satisfactionRate',
      'visitSatisfactionRate',
      'meanHoursToResolve',
      'overdue',
      'returns',
      'repeatComplaints',
    ]);
    const byFigure = new Map(definitions.map((definition) => [definition.figure, definition]));
    expect(byFigure.get('score')).toMatchObject({
      label: '综合得分',
      howComputed: expect.stringContaining('满意率×40% + 按时办结率×30% + 响应率×20% + 办结率×10%'),
    });
    expect(byFigure.get('score')?.howComputed).toContain('受理不足 5 件的不参与排名，单列为“样本不足”');
    expect(byFigure.get('satisfactionRate')).toMatchObject({
      label: '满意率',
      howComputed: expect.stringContaining('群众本人评价为 4 星或 5 星的件数 ÷ 群众本人评价的件数'),
    });
    expect(byFigure.get('visitSatisfactionRate')).toMatchObject({
      label: '回访满意率',
      howComputed: expect.stringContaining('不计入满意率和综合得分'),
    });
  });

  it('sums townships and counties by where the matter is, whichever department holds it', async () => {
    const march = await rankings('2026-03');
    expect(march.townships).toEqual([
      { regionCode: REGIONS.jianchi, name: '涧池镇', level: 'township', rank: 1, score: 66.7, ...MARCH.jianchi },
      { regionCode: REGIONS.chengguan, name: '城关镇', level: 'township', rank: 2, score: 57.6, ...MARCH.chengguan },
    ]);
    expect(march.counties).toEqual([
      { regionCode: REGIONS.county, name: '汉阴县', level: 'county', rank: 1, score: 58.2, ...MARCH.county },
    ]);
  });

  it('counts a report and a return in the China calendar month, to the millisecond', async () => {
    const february = await rankings('2026-02');
    // a9 at 23:59:59.999 on 28 February; the return at 23:00 that evening.
    expect(february.departments).toEqual([
      expect.objectContaining({
        departmentId: world.power.id,
        received: 1,
        responded: 1,
        resolved: 1,
        resolvedOnTime: 1,
        rated: 1,
        satisfied: 0,
        meanHoursToResolve: 10,
        overdue: 0,
        returns: 1,
      }),
    ]);
    const april = await rankings('2026-04');
    // a11 and the return at 16:00Z on 31 March are April's; a12 arrived today.
    expect(april.departments).toEqual([
      expect.objectContaining({ departmentId: world.power.id, received: 2, returns: 1 }),
    ]);
  });

  it('answers an empty ranking for a month without reports', async () => {
    const empty = await rankings('2025-12');
    expect(empty).toMatchObject({
      departments: [],
      townships: [],
      counties: [],
      insufficient: { departments: [], townships: [], counties: [] },
    });
  });
});

import type { DataSource } from 'typeorm';
import { appendEvent } from '../commands/reportEvents';
import { saveReportChanges } from '../commands/reportUpdater';
import {
  Report,
  StatsDaySummary,
  StatsDueDay,
  StatsMonthSummary,
  StatsRepeatMonthSummary,
  StatsResolutionDay,
  StatsSummarisedDay,
  StatsSummarisedMonth,
  StatsSummaryState,
} from '../db/entities';
import { Scheduler } from '../jobs/scheduler';
import { createLogger } from '../logger';
import { testConfig } from '../test/testApp';
import { REGIONS, buildCategory } from '../test/factories';
import { STATS_NOW, type StatsWorld, buildStatsWorld, chinaTime, insertEvent, insertReport } from '../test/statsWorld';
import { createTestDataSource } from '../test/testDatabase';
import { type CountsQuery, type Dimension, type GroupCounts, collectCounts, liveCounts } from './aggregate';
import { type Period, daysPeriod, monthPeriod, shanghaiDate } from './calendar';
import { mergeGroups } from './groups';
import { StatsSummaryJob, summariseDay } from './summaries';
import { summarySources } from './monthSummaries';
import { SUMMARY_STATE, changedRepeatDays, summaryPlan } from './summaryPlan';
import { ReferenceData } from '../db/referenceData';
import { computeRankings } from './rankings';
import { computeOverview } from './overview';
import { computeTrends } from './trends';
import { computeBreakdown } from './breakdown';
import { computeHotspots, repeatMatters, risingHotspots } from './hotspots';
import type { StatsScope } from './scope';

/**
 * The figures read from the day and month summaries equal those computed from the reports, before
 * and after reports change behind the summaries' back, with today (China time) read live.
 */

const GROUPINGS: Dimension[][] = [[], ['department'], ['department', 'township'], ['village', 'category'], ['grid']];
const PERIODS: [string, Period][] = [
  ['March', monthPeriod('2026-03')],
  ['March to today', daysPeriod('2026-02-27', '2026-04-10')],
  ['mid-February to the end of March', daysPeriod('2026-02-15', '2026-03-31')],
  ['the week ending today', daysPeriod('2026-04-04', '2026-04-10')],
  ['March but its first two days and its last', daysPeriod('2026-03-03', '2026-03-30')],
];

/** The groups in a stable order, zero counts dropped (a live statement may answer one all-zero group). */
const comparable = (groups: GroupCounts[]) =>
  groups
    .filter((group) => Object.values(group.counts).some((count) => count !== 0))
    .map((group) => JSON.stringify([group.key, group.counts]))
    .sort();

describe('day summaries', () => {
  let dataSource: DataSource;
  let world: StatsWorld;
  const scopes = (): [string, StatsScope][] => [
    ['the county', { regionCode: REGIONS.county, departmentId: null }],
    ['everything', { regionCode: null, departmentId: null }],
    ['a township', { regionCode: REGIONS.chengguan, departmentId: null }],
    ['a village', { regionCode: REGIONS.jianchiVillage, departmentId: null }],
    ['a grid', { regionCode: REGIONS.chengguanGrid, departmentId: null }],
    ["a handler's department", { regionCode: REGIONS.county, departmentId: world.power.id }],
  ];

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    world = await buildStatsWorld(dataSource);
    // More days, another township, a grid, and today's intake (STATS_NOW is 04-10 12:00).
    const placed = [
      { villageCode: REGIONS.jianchiVillage, departmentId: world.jianchiPower.id, at: '2026-04-02 23:59:59.999' },
      { villageCode: REGIONS.chengguanVillage, departmentId: world.power.id, at: '2026-04-09 16:00' },
      { villageCode: REGIONS.chengguanVillage, departmentId: world.agriculture.id, at: '2026-04-10 09:00' },
      { villageCode: REGIONS.jianchiVillage, departmentId: world.jianchiPower.id, at: '2026-04-10 00:00' },
      // April in China time, still March in UTC.
      { villageCode: REGIONS.chengguanVillage, departmentId: world.power.id, at: '2026-04-01 00:00' },
    ];
    for (const [index, place] of placed.entries()) {
      const report = await insertReport(dataSource, {
        departmentId: place.departmentId,
        villageCode: place.villageCode,
        categoryCode: index === 1 ? null : 'power',
        status: index % 2 ? 'accepted' : 'resolved',
        dispatchedAt: chinaTime(place.at),
        resolvedAt: index % 2 ? null : chinaTime('2026-04-10 08:00'),
      });
      if (index === 1) await dataSource.getRepository(Report).update(report.id, { gridCode: REGIONS.chengguanGrid });
    }
    // The only 路灯 report, on March's last day: a key that only the days taken off March's sum hold.
    await buildCategory(dataSource, { code: 'lamp', name: '路灯照明', departmentKind: 'power' });
    await insertReport(dataSource, {
      departmentId: world.power.id,
      categoryCode: 'lamp',
      status: 'dispatched',
      dispatchedAt: chinaTime('2026-03-31 10:00'),
    });
    // The trend's series at China midnight: resolutions, and deadlines passed open or resolved late, on either side of it.
    const midnight = [
      { status: 'resolved', dispatchedAt: '2026-04-03 10:00', resolvedAt: '2026-04-05 23:59:59.999' },
      { status: 'closed', dispatchedAt: '2026-04-03 11:00', resolvedAt: '2026-04-06 00:00' },
      { status: 'accepted', dispatchedAt: '2026-03-29 23:59:59.999', resolveDueAt: '2026-04-05 23:59:59.999' },
      { status: 'dispatched', dispatchedAt: '2026-03-30 00:00', resolveDueAt: '2026-04-06 00:00' },
      {
        status: 'resolved',
        dispatchedAt: '2026-04-01 09:00',
        resolveDueAt: '2026-04-03 23:59:59.999',
        resolvedAt: '2026-04-04 00:00',
      },
    ] as const;
    for (const row of midnight)
      await insertReport(dataSource, {
        departmentId: world.power.id,
        status: row.status,
        dispatchedAt: chinaTime(row.dispatchedAt),
        resolvedAt: 'resolvedAt' in row ? chinaTime(row.resolvedAt) : null,
        ...('resolveDueAt' in row ? { resolveDueAt: chinaTime(row.resolveDueAt) } : {}),
      });
    // Resolved with the report merged into it, never dispatched itself (mergedOutcome): a department and a deadline, no dispatch day.
    await insertReport(dataSource, {
      departmentId: world.agriculture.id,
      status: 'reopened',
      dispatchedAt: null,
      createdAt: chinaTime('2026-04-01 08:00'),
      resolveDueAt: chinaTime('2026-04-07 08:00'),
    });
    // Waiting for triage with a deadline already set, held by no department: open, and past it.
    await insertReport(dataSource, {
      departmentId: null,
      status: 'submitted',
      dispatchedAt: null,
      createdAt: chinaTime('2026-03-20 08:00'),
      resolveDueAt: chinaTime('2026-03-27 08:00'),
    });
    // Resolved on 02-25: 紫云村's 农业 report of 03-12 repeats it (重复反映).
    const february = await insertReport(dataSource, {
      departmentId: world.agriculture.id,
      villageCode: REGIONS.jianchiVillage,
      categoryCode: 'agri',
      status: 'closed',
      dispatchedAt: chinaTime('2026-02-20 10:00'),
      resolvedAt: chinaTime('2026-02-25 10:00'),
    });
    await insertEvent(dataSource, {
      reportId: february.id,
      type: 'resolve',
      departmentId: world.agriculture.id,
      at: chinaTime('2026-02-25 10:00'),
    });
  });
  afterAll(() => dataSource.destroy());

  /** The months summed, and where a period's summarised days are read from. */
  const summedMonths = async () =>
    (await dataSource.getRepository(StatsSummarisedMonth).find()).map((row) => row.month).sort();
  const sourcesOf = async (period: Period) =>
    summarySources(dataSource.manager, (await summaryPlan(dataSource.manager, period)).summarised);
  const marchReceived = async () =>
    Number(
      (
        await dataSource
          .getRepository(StatsMonthSummary)
          .createQueryBuilder('s')
          .select('SUM(s.received)', 'n')
          .where("s.month = '2026-03'")
          .getRawOne()
      ).n,
    );

  /** What `compute` answers with the summaries out of the way: from the reports alone. */
  async function fromReportsAlone<T>(compute: () => Promise<T>): Promise<T> {
    const state = await dataSource.getRepository(StatsSummaryState).findOneByOrFail({ name: SUMMARY_STATE });
    await dataSource.getRepository(StatsSummaryState).delete({ name: SUMMARY_STATE });
    try {
      return await compute();
    } finally {
      await dataSource.getRepository(StatsSummaryState).insert(state);
    }
  }

  async function expectSummariesEqualLive(now: Date) {
    let summarisedDays = 0;
    for (const [periodName, period] of PERIODS) {
      const plan = await summaryPlan(dataSource.manager, period);
      summarisedDays += plan.summarised.length;
      for (const [scopeName, scope] of scopes())
        for (const groupBy of GROUPINGS) {
          const query: CountsQuery = { period, now, scope, groupBy };
          const live = mergeGroups(await liveCounts(dataSource.manager, query), groupBy);
          expect({
            periodName,
            scopeName,
            groupBy,
            groups: comparable(await collectCounts(dataSource.manager, query)),
          }).toEqual({ periodName, scopeName, groupBy, groups: comparable(live) });
        }
    }
    // The published figures built on them, and those that read the summaries on their own.
    const lookups = await new ReferenceData(dataSource, 0).snapshot();
    const figures = async () => {
      const answers: unknown[] = [
        await computeRankings({ manager: dataSource.manager, lookups, month: '2026-03', now, minReceived: 1 }),
      ];
      for (const [, period] of PERIODS)
        for (const [, scope] of scopes()) {
          const span = { from: shanghaiDate(period.start), to: shanghaiDate(new Date(period.end.getTime() - 1)) };
          answers.push(
            await computeOverview({ manager: dataSource.manager, scope, period, now }),
            await computeTrends({ manager: dataSource.manager, scope, period, now }),
            await computeBreakdown({ manager: dataSource.manager, lookups, scope, period, now, by: 'category' }),
            await computeBreakdown({ manager: dataSource.manager, lookups, scope, period, now, by: 'village' }),
            await risingHotspots({ manager: dataSource.manager, lookups, scope, span, now }),
            await repeatMatters({ manager: dataSource.manager, lookups, scope, span, now }),
            // The same, their summary plans sharing their reads.
            await computeHotspots({ manager: dataSource.manager, lookups, scope, span, now }),
          );
        }
      return answers;
    };
    expect(await figures()).toEqual(await fromReportsAlone(figures));
    return summarisedDays;
  }

  it('reads every day live before the first summary', async () => {
    expect(await summaryPlan(dataSource.manager, monthPeriod('2026-03'))).toEqual({
      summarised: [],
      live: [monthPeriod('2026-03')],
    });
  });

  it('summarises the closed days and gives the figures the reports give, today read live', async () => {
    const job = new StatsSummaryJob({ dataSource });
    expect(await job.runOnce(STATS_NOW)).toMatchObject({ remaining: 0 });
    expect(await dataSource.getRepository(StatsDaySummary).count()).toBeGreaterThan(10);
    expect(await summaryPlan(dataSource.manager, daysPeriod('2026-03-01', '2026-04-10'))).toEqual({
      summarised: [daysPeriod('2026-03-01', '2026-04-09')],
      live: [daysPeriod('2026-04-10', '2026-04-10')],
    });
    // March is summed; February (its first days have no summary) and April (under way) are not.
    expect(await summedMonths()).toEqual(['2026-03']);
    expect(await sourcesOf(daysPeriod('2026-02-27', '2026-04-10'))).toEqual({
      months: ['2026-03'],
      days: [daysPeriod('2026-02-27', '2026-02-28'), daysPeriod('2026-04-01', '2026-04-09')],
      minus: [],
    });
    expect(await sourcesOf(monthPeriod('2026-03'))).toEqual({ months: ['2026-03'], days: [], minus: [] });
    // Most of a summed month: its sum less the days left out.
    expect(await sourcesOf(daysPeriod('2026-03-03', '2026-03-30'))).toEqual({
      months: ['2026-03'],
      days: [],
      minus: [daysPeriod('2026-03-01', '2026-03-02'), daysPeriod('2026-03-31', '2026-03-31')],
    });
    // Not so for a third of it, nor for the repeats' last times.
    expect(await sourcesOf(daysPeriod('2026-03-01', '2026-03-10'))).toEqual({
      months: [],
      days: [daysPeriod('2026-03-01', '2026-03-10')],
      minus: [],
    });
    expect(await expectSummariesEqualLive(STATS_NOW)).toBeGreaterThan(0);
    // Later the same day, open reports pass their deadline: 超期 follows the clock.
    expect(await expectSummariesEqualLive(chinaTime('2026-04-10 23:59'))).toBeGreaterThan(0);
    // The trend's 办结 and 超期 of summarised days are read from their summaries: altered there, the trend follows.
    const county = { manager: dataSource.manager, scope: { regionCode: REGIONS.county, departmentId: null } };
    const trend = () => computeTrends({ ...county, period: daysPeriod('2026-03-12', '2026-03-14'), now: STATS_NOW });
    const before = await trend();
    await dataSource.getRepository(StatsResolutionDay).increment({ day: '2026-03-14' }, 'resolved', 10);
    await dataSource.getRepository(StatsDueDay).increment({ dueDay: '2026-03-12' }, 'overdue', 10);
    expect((await trend()).map((day) => [day.resolved - before[0].resolved, day.overdue])).toEqual([
      [0, before[0].overdue + 10],
      [before[1].resolved - before[0].resolved, before[1].overdue],
      [before[2].resolved - before[0].resolved + 10, before[2].overdue],
    ]);
    await dataSource.getRepository(StatsResolutionDay).decrement({ day: '2026-03-14' }, 'resolved', 10);
    await dataSource.getRepository(StatsDueDay).decrement({ dueDay: '2026-03-12' }, 'overdue', 10);
    expect(await trend()).toEqual(before);
    // So are a summed month's 重复反映: from its month's sums.
    const lookups = await new ReferenceData(dataSource, 0).snapshot();
    const marchRepeats = () =>
      repeatMatters({ ...county, lookups, span: { from: '2026-03-01', to: '2026-03-31' }, now: STATS_NOW });
    const repeatsBefore = await marchRepeats();
    expect(repeatsBefore).toContainEqual(expect.objectContaining({ categoryCode: 'agri', count: 1 }));
    await dataSource.getRepository(StatsRepeatMonthSummary).increment({ month: '2026-03' }, 'repeats', 10);
    expect(await marchRepeats()).toContainEqual(expect.objectContaining({ categoryCode: 'agri', count: 11 }));
    await dataSource.getRepository(StatsRepeatMonthSummary).decrement({ month: '2026-03' }, 'repeats', 10);
    expect(await marchRepeats()).toEqual(repeatsBefore);
  }, 120_000);

  it('reads a month from its days once one of them is rebuilt, until the job sums it again', async () => {
    await summariseDay(dataSource, '2026-03-20', STATS_NOW);
    expect(await summedMonths()).toEqual([]);
    expect(await sourcesOf(monthPeriod('2026-03'))).toEqual({ months: [], days: [monthPeriod('2026-03')], minus: [] });
    await expectSummariesEqualLive(STATS_NOW);
    expect(await new StatsSummaryJob({ dataSource }).runOnce(STATS_NOW)).toMatchObject({ remaining: 0 });
    expect(await summedMonths()).toEqual(['2026-03']);
  }, 120_000);

  it('reads the days of reports changed since the summary live until the scheduler rebuilds them', async () => {
    const marchBefore = await marchReceived();
    const at = chinaTime('2026-04-10 12:30');
    const march10 = await dataSource
      .getRepository(Report)
      .findOneByOrFail({ dispatchedAt: chinaTime('2026-03-10 08:00') });
    const march15 = await dataSource
      .getRepository(Report)
      .findOneByOrFail({ dispatchedAt: chinaTime('2026-03-15 10:00') });
    // Transferred today: it leaves 03-10 for today. (Dispatched on 03-10 by a 派单, as every dispatch is.)
    await insertEvent(dataSource, {
      reportId: march10.id,
      type: 'assign',
      departmentId: world.power.id,
      at: chinaTime('2026-03-10 08:00'),
    });
    await saveReportChanges(dataSource.manager, march10, { departmentId: world.jianchiPower.id, dispatchedAt: at }, at);
    await appendEvent(dataSource.manager, {
      reportId: march10.id,
      type: 'transfer',
      fromStatus: 'accepted',
      toStatus: 'dispatched',
      actorType: 'staff',
      actorId: null,
      departmentId: world.jianchiPower.id,
      at,
    });
    // Resolved and rated: 03-15 changes in place.
    await saveReportChanges(dataSource.manager, march15, { status: 'closed', resolvedAt: at, rating: 5 }, at);
    await appendEvent(dataSource.manager, {
      reportId: march15.id,
      type: 'rate',
      fromStatus: 'resolved',
      toStatus: 'closed',
      actorType: 'citizen',
      actorId: null,
      at,
    });
    // A 督办 changes nothing a summary counts: its day stays summarised.
    const march5 = await dataSource
      .getRepository(Report)
      .findOneByOrFail({ dispatchedAt: chinaTime('2026-03-05 10:00') });
    await appendEvent(dataSource.manager, {
      reportId: march5.id,
      type: 'escalate',
      fromStatus: march5.status,
      toStatus: march5.status,
      actorType: 'system',
      actorId: null,
      at,
    });
    // 重办 and resolved again today: the report of 03-12 that repeated its resolution of 02-25 no longer does.
    const lookups = await new ReferenceData(dataSource, 0).snapshot();
    const jianchiMarch = () =>
      repeatMatters({
        manager: dataSource.manager,
        lookups,
        scope: { regionCode: REGIONS.jianchi, departmentId: null },
        span: { from: '2026-03-01', to: '2026-03-31' },
        now: at,
      });
    const repeatedBefore = await jianchiMarch();
    const february = await dataSource
      .getRepository(Report)
      .findOneByOrFail({ dispatchedAt: chinaTime('2026-02-20 10:00') });
    await saveReportChanges(dataSource.manager, february, { status: 'resolved', resolvedAt: at }, at);
    await appendEvent(dataSource.manager, {
      reportId: february.id,
      type: 'resolve',
      fromStatus: 'reopened',
      toStatus: 'resolved',
      actorType: 'staff',
      actorId: null,
      departmentId: world.agriculture.id,
      at,
    });
    // The trend's series: a2, resolved late on 03-14, disputed and handled again (its resolution leaves 03-14,
    // still overdue by its deadline); b4's deadline of 03-15 extended past now (no longer overdue on 03-15).
    const march = { manager: dataSource.manager, scope: { regionCode: null, departmentId: null }, now: at };
    const trendOf = async (date: string) => (await computeTrends({ ...march, period: daysPeriod(date, date) }))[0];
    const a2 = await dataSource.getRepository(Report).findOneByOrFail({ dispatchedAt: chinaTime('2026-03-05 10:00') });
    await saveReportChanges(dataSource.manager, a2, { status: 'reopened', reopenCount: 1 }, at);
    await appendEvent(dataSource.manager, {
      reportId: a2.id,
      type: 'dispute',
      fromStatus: 'resolved',
      toStatus: 'reopened',
      actorType: 'citizen',
      actorId: null,
      at,
    });
    const b4 = await dataSource.getRepository(Report).findOneByOrFail({ dispatchedAt: chinaTime('2026-03-08 10:00') });
    expect(await trendOf('2026-03-15')).toMatchObject({ overdue: 1 });
    await saveReportChanges(dataSource.manager, b4, { resolveDueAt: chinaTime('2026-04-25 10:00') }, at);
    await appendEvent(dataSource.manager, {
      reportId: b4.id,
      type: 'approve_extension',
      fromStatus: 'dispatched',
      toStatus: 'dispatched',
      actorType: 'staff',
      actorId: null,
      departmentId: world.agriculture.id,
      at,
    });
    expect(await trendOf('2026-03-14')).toMatchObject({ resolved: 0 });
    expect(await trendOf('2026-03-12')).toMatchObject({ overdue: 1 });
    expect(await trendOf('2026-03-15')).toMatchObject({ overdue: 0 });
    expect(repeatedBefore).toContainEqual(expect.objectContaining({ categoryCode: 'agri', count: 1 }));
    expect(await jianchiMarch()).toEqual([]);
    const plan = await summaryPlan(dataSource.manager, monthPeriod('2026-03'));
    expect(plan.live).toEqual([
      daysPeriod('2026-03-05', '2026-03-05'),
      daysPeriod('2026-03-07', '2026-03-08'),
      daysPeriod('2026-03-10', '2026-03-10'),
      daysPeriod('2026-03-15', '2026-03-15'),
    ]);
    // March's sum still holds its days as they stand, the changed ones' stale summaries with them: those are taken off.
    expect(await sourcesOf(monthPeriod('2026-03'))).toEqual({ months: ['2026-03'], days: [], minus: plan.live });
    // 重复反映 of the 30 days after its earlier resolution are read from the reports.
    const repeatPlan = await summaryPlan(dataSource.manager, monthPeriod('2026-03'), changedRepeatDays);
    expect(repeatPlan.live).toEqual([daysPeriod('2026-03-01', '2026-03-27')]);
    await expectSummariesEqualLive(chinaTime('2026-04-10 13:00'));

    // The next morning the job rebuilds them, and summarises yesterday.
    const nextMorning = chinaTime('2026-04-11 08:00');
    // 03-10, 03-15, 02-20 (the report resolved again), 04-10, 03-05 and 02-28 (a2's dispatch and return), 03-07 and 03-08 (b4's return and dispatch);
    // the repeats of 02-25 to 03-27 (March's sum of them with them) and a2's resolution day alone.
    expect(await new StatsSummaryJob({ dataSource }).runOnce(nextMorning)).toEqual({ summarised: 8, remaining: 0 });
    expect(await summaryPlan(dataSource.manager, daysPeriod('2026-03-01', '2026-04-11'))).toEqual({
      summarised: [daysPeriod('2026-03-01', '2026-04-10')],
      live: [daysPeriod('2026-04-11', '2026-04-11')],
    });
    // March summed again: the report transferred out of it counts in April, the resolved one in place.
    expect(await summedMonths()).toEqual(['2026-03']);
    expect(await marchReceived()).toBe(marchBefore - 1);
    expect(await expectSummariesEqualLive(nextMorning)).toBeGreaterThan(0);
  }, 120_000);

  it('sums a month again when only its 重复反映 were rebuilt', async () => {
    // The February report, resolved on 02-25 (its window reaches 03-27), is given another category: its own days are
    // February's and today's, but the repeats of 02-25 to 03-27 may have moved, March's among them.
    const at = chinaTime('2026-04-11 09:00');
    const february = await dataSource
      .getRepository(Report)
      .findOneByOrFail({ dispatchedAt: chinaTime('2026-02-20 10:00') });
    await saveReportChanges(dataSource.manager, february, { categoryCode: 'power' }, at);
    await appendEvent(dataSource.manager, {
      reportId: february.id,
      type: 'assign',
      fromStatus: february.status,
      toStatus: february.status,
      actorType: 'staff',
      actorId: null,
      departmentId: world.agriculture.id,
      at,
    });
    const summedAt = async () =>
      (await dataSource.getRepository(StatsSummarisedMonth).findOneByOrFail({ month: '2026-03' })).summarisedAt;
    const before = await summedAt();
    const later = chinaTime('2026-04-11 10:00');
    expect(await new StatsSummaryJob({ dataSource }).runOnce(later)).toEqual({ summarised: 1, remaining: 0 });
    expect(await summedAt()).not.toEqual(before);
    expect(await summedMonths()).toEqual(['2026-03']);
    await expectSummariesEqualLive(chinaTime('2026-04-11 10:30'));
  }, 120_000);

  it('is kept by the scheduler’s leader, on its tick', async () => {
    const now = chinaTime('2026-04-12 09:00');
    const scheduler = new Scheduler({
      config: testConfig(),
      dataSource,
      logger: createLogger('silent'),
      clock: () => now,
      statsSummaries: new StatsSummaryJob({ dataSource }),
    });
    const summarised = () => dataSource.getRepository(StatsSummarisedDay).existsBy({ day: '2026-04-11' });
    scheduler.start();
    for (let i = 0; i < 500 && !(await summarised()); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await scheduler.stop();
    expect(await summarised()).toBe(true);
  });
});

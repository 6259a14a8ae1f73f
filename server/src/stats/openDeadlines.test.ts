import type { DataSource } from 'typeorm';
import { StatsOpenDeadline } from '../db/entities';
import { REGIONS } from '../test/factories';
import { STATS_NOW, type StatsWorld, buildStatsWorld, chinaTime, insertReport } from '../test/statsWorld';
import { createTestDataSource } from '../test/testDatabase';
import { type CountsQuery, type Dimension, collectCounts, liveCounts } from './aggregate';
import { daysPeriod } from './calendar';
import { mergeGroups } from './groups';
import { StatsSummaryJob } from './summaries';
import { summaryPlan } from './summaryPlan';
import type { StatsScope } from './scope';

/**
 * 超期 of summarised days follows the clock: the open reports counted by their deadline's day
 * (stats_open_deadlines) plus those due earlier today, read live, equal the reports open past
 * their deadline as of any `now` — before, at and after a deadline, across China midnight.
 */

const PERIOD = daysPeriod('2026-03-01', '2026-04-09');
const GROUPINGS: Dimension[][] = [[], ['department', 'township'], ['village', 'category']];

/** 超期 per group, groups with none left out. */
const overdueOf = (groups: Awaited<ReturnType<typeof liveCounts>>, groupBy: Dimension[]) =>
  mergeGroups(groups, groupBy)
    .filter((group) => group.counts.overdue !== 0)
    .map((group) => JSON.stringify([group.key, group.counts.overdue]))
    .sort();

describe('open reports by deadline day', () => {
  let dataSource: DataSource;
  let world: StatsWorld;

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    world = await buildStatsWorld(dataSource);
    // Open reports of summarised days whose deadlines fall around the clocks below.
    const open = [
      { status: 'dispatched', dispatchedAt: '2026-04-01 10:00', resolveDueAt: '2026-04-10 18:00' },
      { status: 'accepted', dispatchedAt: '2026-04-02 23:30', resolveDueAt: '2026-04-11 00:00' },
      { status: 'reopened', dispatchedAt: '2026-04-03 08:00', resolveDueAt: '2026-04-12 09:00' },
      { status: 'accepted', dispatchedAt: '2026-04-08 16:00', resolveDueAt: '2026-04-20 16:00' },
      { status: 'submitted', dispatchedAt: '2026-04-09 07:00', resolveDueAt: '2026-04-09 23:59:59.999' },
    ] as const;
    for (const [index, report] of open.entries())
      await insertReport(dataSource, {
        departmentId: index % 2 ? world.jianchiPower.id : world.power.id,
        villageCode: index % 2 ? REGIONS.jianchiVillage : REGIONS.chengguanVillage,
        status: report.status,
        dispatchedAt: chinaTime(report.dispatchedAt),
        resolveDueAt: chinaTime(report.resolveDueAt),
      });
    // Open without a deadline: never overdue.
    await insertReport(dataSource, {
      departmentId: world.power.id,
      status: 'dispatched',
      dispatchedAt: chinaTime('2026-04-05 09:00'),
      resolveDueAt: null,
    });
    await new StatsSummaryJob({ dataSource }).runOnce(STATS_NOW);
  });
  afterAll(() => dataSource.destroy());

  it('keeps each summarised day’s open reports by the day of their deadline', async () => {
    const rows = await dataSource.getRepository(StatsOpenDeadline).findBy({ departmentId: world.power.id });
    const byDay = rows.filter((row) => row.day >= '2026-04-01').map((row) => [row.day, row.dueDay, row.open]);
    expect(byDay).toEqual(
      expect.arrayContaining([
        ['2026-04-01', '2026-04-10', 1],
        ['2026-04-03', '2026-04-12', 1],
        ['2026-04-09', '2026-04-09', 1],
      ]),
    );
    expect(rows.some((row) => row.day === '2026-04-05')).toBe(false);
  });

  it.each([
    ['the summary’s noon', '2026-04-10 12:00'],
    ['a minute before a deadline today', '2026-04-10 17:59'],
    ['at the deadline', '2026-04-10 18:00'],
    ['a minute after it', '2026-04-10 18:01'],
    ['China midnight, when a deadline falls on it', '2026-04-11 00:00'],
    ['a deadline two days on, just before', '2026-04-12 08:59:59.999'],
    ['at it', '2026-04-12 09:00'],
    ['weeks later', '2026-05-01 00:00'],
    ['before the summary was made', '2026-04-09 20:00'],
  ])('counts 超期 as the reports do at %s', async (_, clock) => {
    const now = chinaTime(clock);
    const plan = await summaryPlan(dataSource.manager, PERIOD);
    expect(plan.live).toEqual([]);
    const scopes: StatsScope[] = [
      { regionCode: REGIONS.county, departmentId: null },
      { regionCode: REGIONS.chengguan, departmentId: null },
      { regionCode: REGIONS.county, departmentId: world.power.id },
    ];
    let overdue = 0;
    for (const scope of scopes)
      for (const groupBy of GROUPINGS) {
        const query: CountsQuery = { period: PERIOD, now, scope, groupBy };
        const live = overdueOf(await liveCounts(dataSource.manager, query), groupBy);
        expect({ scope, groupBy, overdue: overdueOf(await collectCounts(dataSource.manager, query), groupBy) }).toEqual(
          { scope, groupBy, overdue: live },
        );
        overdue += live.length;
      }
    expect(overdue).toBeGreaterThan(0);
  });
});

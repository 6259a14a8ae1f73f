import type { DataSource } from 'typeorm';
import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from '@minqing/shared';
import { ReferenceData } from '../db/referenceData';
import { REGIONS, type World, buildCategory, buildWorld } from '../test/factories';
import { chinaTime, insertReport } from '../test/statsWorld';
import { createTestDataSource } from '../test/testDatabase';
import { collectCounts, totalOf } from './aggregate';
import { type Period, daysOf, daysPeriod, shanghaiDate } from './calendar';
import { REPEAT_MATTER_MS, isRepeatOf } from './figures';
import { repeatMatters, risingHotspots } from './hotspots';
import { computeOverview } from './overview';
import type { StatsScope } from './scope';
import { computeTrends } from './trends';

/**
 * The dashboard's statements (the covering indexes, the index each names on MySQL, 热点研判's
 * count-only query and its sorted matching) against a row-by-row reading of the same reports by
 * the rules of figures.ts — the way the figures were computed before — over a seeded set whose
 * times crowd the China and UTC midnights, at clocks either side of those midnights.
 */

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const VILLAGES = [REGIONS.chengguanVillage, REGIONS.jianchiVillage];
const CATEGORIES = ['power', 'water', 'road', null];
const RESOLVED: readonly ReportStatus[] = ['resolved', 'closed'];

interface Row {
  id: string;
  villageCode: string;
  categoryCode: string | null;
  departmentId: string | null;
  status: ReportStatus;
  createdAt: Date;
  dispatchedAt: Date | null;
  resolvedAt: Date | null;
  resolveDueAt: Date | null;
}

/** mulberry32: the same reports every run. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Instants near the midnights of 2026-03-28 … 04-02, China (00:00) and UTC (08:00), a millisecond to hours off. */
function nearMidnight(random: () => number): Date {
  const day = chinaTime(`2026-03-${28 + Math.floor(random() * 4)} 00:00`).getTime() + Math.floor(random() * 6) * DAY;
  const midnight = day + (random() < 0.5 ? 0 : 8 * HOUR);
  const offsets = [-1, 0, 1, -1000, 1000, -2 * HOUR, 3 * HOUR];
  return new Date(midnight + offsets[Math.floor(random() * offsets.length)]);
}

async function seed(dataSource: DataSource, world: World): Promise<Row[]> {
  await buildCategory(dataSource, { code: 'water', name: '饮水安全', departmentKind: 'water' });
  await buildCategory(dataSource, { code: 'road', name: '道路交通', departmentKind: 'road' });
  const departments = [world.power.id, world.jianchiPower.id, world.agriculture.id];
  const random = prng(16);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const rows: Row[] = [];
  for (let index = 0; index < 160; index += 1) {
    const status = pick(REPORT_STATUSES);
    const createdAt = nearMidnight(random);
    const routed = status !== 'submitted' && random() < 0.9;
    const dispatchedAt = routed ? new Date(createdAt.getTime() + pick([0, 1, 2 * HOUR, DAY])) : null;
    // Resolutions crowd the same midnights, some before the report came in (another matter's).
    const resolvedAt = [...RESOLVED, 'reopened', 'merged'].includes(status) && routed ? nearMidnight(random) : null;
    const row = {
      villageCode: pick(VILLAGES),
      categoryCode: pick(CATEGORIES),
      departmentId: routed ? pick(departments) : null,
      status,
      createdAt,
      dispatchedAt,
      resolvedAt,
      resolveDueAt: dispatchedAt && nearMidnight(random),
    };
    const report = await insertReport(dataSource, { ...row, signedAt: resolvedAt && dispatchedAt });
    rows.push({ id: report.id, ...row });
  }
  return rows;
}

// The rules of figures.ts, one report at a time.
const within = (at: Date | null, period: Period) => at !== null && at >= period.start && at < period.end;
const inScope = (row: Row, scope: StatsScope) =>
  (scope.regionCode === null || row.villageCode.startsWith(scope.regionCode)) &&
  (scope.departmentId === null || row.departmentId === scope.departmentId);
const inCohort = (row: Row, period: Period) =>
  row.departmentId !== null && within(row.dispatchedAt, period) && !['rejected', 'merged'].includes(row.status);
const isOpen = (row: Row) => (OPEN_STATUSES as readonly string[]).includes(row.status);
const isOverdue = (row: Row, now: Date) =>
  (isOpen(row) && row.resolveDueAt !== null && row.resolveDueAt < now) ||
  (RESOLVED.includes(row.status) &&
    row.resolvedAt !== null &&
    row.resolveDueAt !== null &&
    row.resolvedAt > row.resolveDueAt);

function countByDay(rows: Row[], dayOf: (row: Row) => Date | null, days: string[]) {
  const counts = new Map(days.map((day) => [day, 0]));
  for (const row of rows) {
    const day = shanghaiDate(dayOf(row) as Date);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}

describe('the dashboard statements agree with the reports read one by one', () => {
  let dataSource: DataSource;
  let world: World;
  let rows: Row[];

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    world = await buildWorld(dataSource);
    rows = await seed(dataSource, world);
  });
  afterAll(() => dataSource.destroy());

  const scopes = (): [string, StatsScope][] => [
    ['the county', { regionCode: REGIONS.county, departmentId: null }],
    ['a township', { regionCode: REGIONS.chengguan, departmentId: null }],
    ['a village', { regionCode: REGIONS.jianchiVillage, departmentId: null }],
    ["a handler's department", { regionCode: REGIONS.county, departmentId: world.power.id }],
  ];
  // Clocks either side of the China midnight that starts 04-01, and of the UTC one that day.
  const CLOCKS = ['2026-03-31 23:59:59.999', '2026-04-01 00:00', '2026-04-01 07:59:59.999', '2026-04-01 08:00'];
  const SPANS = [
    { from: '2026-03-29', to: '2026-04-01' },
    { from: '2026-03-31', to: '2026-03-31' },
  ];

  it('gives a seeded set with every kind of report in each scope', () => {
    for (const [, scope] of scopes()) {
      const mine = rows.filter((row) => inScope(row, scope));
      expect(new Set(mine.map((row) => row.status)).size).toBeGreaterThanOrEqual(6);
      expect(mine.some((row) => isOpen(row))).toBe(true);
    }
  });

  it("counts today's intake and the backlog as the reports say, at each clock", async () => {
    for (const clock of CLOCKS)
      for (const [name, scope] of scopes()) {
        const now = chinaTime(clock);
        const today = daysPeriod(shanghaiDate(now), shanghaiDate(now));
        const mine = rows.filter((row) => inScope(row, scope));
        const period = daysPeriod(SPANS[0].from, SPANS[0].to);
        const overview = await computeOverview({ manager: dataSource.manager, scope, period, now });
        expect({
          at: clock,
          scope: name,
          ...overview.today,
          backlog: overview.backlog,
          overdue: overview.overdueNow,
        }).toEqual({
          at: clock,
          scope: name,
          date: shanghaiDate(now),
          submitted: mine.filter((row) => within(row.createdAt, today)).length,
          received: mine.filter((row) => inCohort(row, today)).length,
          backlog: mine.filter(isOpen).length,
          overdue: mine.filter((row) => isOpen(row) && isOverdue(row, now)).length,
        });
        const cohort = mine.filter((row) => inCohort(row, period));
        expect(overview.figures).toMatchObject({
          received: cohort.length,
          resolved: cohort.filter((row) => RESOLVED.includes(row.status)).length,
          overdue: cohort.filter((row) => isOverdue(row, now)).length,
        });
      }
  });

  it('counts the daily trends by the day of dispatch, resolution and deadline, at each clock', async () => {
    for (const clock of CLOCKS)
      for (const span of SPANS)
        for (const [, scope] of scopes()) {
          const now = chinaTime(clock);
          const period = daysPeriod(span.from, span.to);
          const days = daysOf(period);
          const mine = rows.filter((row) => inScope(row, scope) && row.departmentId !== null);
          const received = countByDay(
            mine.filter((row) => inCohort(row, period)),
            (row) => row.dispatchedAt,
            days,
          );
          const resolved = countByDay(
            mine.filter((row) => RESOLVED.includes(row.status) && within(row.resolvedAt, period)),
            (row) => row.resolvedAt,
            days,
          );
          const overdue = countByDay(
            mine.filter((row) => isOverdue(row, now) && within(row.resolveDueAt, period)),
            (row) => row.resolveDueAt,
            days,
          );
          expect(await computeTrends({ manager: dataSource.manager, scope, period, now })).toEqual(
            days.map((date) => ({
              date,
              received: received.get(date),
              resolved: resolved.get(date),
              overdue: overdue.get(date),
            })),
          );
        }
  });

  it("finds 上升热点 from the same received counts as the figures' per village and category", async () => {
    const lookups = await new ReferenceData(dataSource, 0).snapshot();
    for (const span of SPANS)
      for (const [, scope] of scopes()) {
        const now = chinaTime(CLOCKS[1]);
        const rising = await risingHotspots({ manager: dataSource.manager, lookups, scope, span, now });
        const groups = await collectCounts(dataSource.manager, {
          period: daysPeriod(span.from, span.to),
          now,
          scope,
          groupBy: ['village', 'category'],
        });
        for (const hotspot of rising) {
          const group = groups.filter(
            (entry) => entry.key.village === hotspot.villageCode && entry.key.category === hotspot.categoryCode,
          );
          expect(totalOf(group).received).toBe(hotspot.count);
        }
        const received = rows.filter(
          (row) => inScope(row, scope) && row.categoryCode !== null && inCohort(row, daysPeriod(span.from, span.to)),
        );
        for (const hotspot of rising)
          expect(
            received.filter(
              (row) => row.villageCode === hotspot.villageCode && row.categoryCode === hotspot.categoryCode,
            ).length,
          ).toBe(hotspot.count);
      }
  });

  it('finds the same 重复反映 as matching every report against every resolution', async () => {
    const lookups = await new ReferenceData(dataSource, 0).snapshot();
    let found = 0;
    for (const span of SPANS)
      for (const [name, scope] of scopes()) {
        const period = daysPeriod(span.from, span.to);
        const candidates = rows.filter(
          (row) =>
            inScope(row, scope) &&
            within(row.createdAt, period) &&
            row.categoryCode !== null &&
            !['rejected', 'merged'].includes(row.status),
        );
        const resolutions = rows.filter(
          (row) =>
            (scope.regionCode === null || row.villageCode.startsWith(scope.regionCode)) &&
            row.categoryCode !== null &&
            within(row.resolvedAt, { start: new Date(period.start.getTime() - REPEAT_MATTER_MS), end: period.end }),
        );
        const expected = new Map<string, { count: number; last: number }>();
        for (const report of candidates) {
          const repeats = resolutions.some(
            (resolution) =>
              resolution.villageCode === report.villageCode &&
              resolution.categoryCode === report.categoryCode &&
              isRepeatOf(report, { id: resolution.id, resolvedAt: resolution.resolvedAt as Date }),
          );
          if (!repeats) continue;
          const key = `${report.villageCode}|${report.categoryCode}`;
          const known = expected.get(key) ?? { count: 0, last: 0 };
          expected.set(key, { count: known.count + 1, last: Math.max(known.last, report.createdAt.getTime()) });
        }
        const matters = await repeatMatters({
          manager: dataSource.manager,
          lookups,
          scope,
          span,
          now: chinaTime(CLOCKS[1]),
        });
        found += matters.length;
        expect({
          scope: name,
          matters: Object.fromEntries(
            matters.map((matter) => [
              `${matter.villageCode}|${matter.categoryCode}`,
              { count: matter.count, last: Date.parse(matter.lastReportedAt) },
            ]),
          ),
        }).toEqual({
          scope: name,
          matters: Object.fromEntries(expected),
        });
      }
    expect(found).toBeGreaterThan(0);
  });
});

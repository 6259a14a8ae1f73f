import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Report, StatsRepeatMonthSummary, StatsRepeatSummary } from '../db/entities';
import { summarySources } from './monthSummaries';
import { type Period, daysPeriod } from './calendar';
import { REPEAT_CANDIDATE, REPEAT_MATTER_MS, RESOLVED_FOR_REPEATS, isRepeatOf } from './figures';
import { ALL_DIMENSIONS, type Dimension, type GroupKey, REPORT_COLUMN, type RawRow, keyAlias, keyOf } from './groups';
import { type StatsScope, WHOLE_SYSTEM, whereReportRegion, whereReportScope } from './scope';
import { instantOf } from './sqlDialect';
import { SUMMARY_COLUMN, whereSummaryDays, whereSummaryScope } from './summaryReads';
import { type SharedPlanReads, changedRepeatDays, summaryPlan } from './summaryPlan';
import { replaceRows, summaryKeyColumns } from './summaryRows';

/**
 * 重复反映 (stats/figures.ts isRepeatOf) counted per group of the reports that repeat: how many,
 * and when the last of them was submitted. Summarised days from the day summaries
 * (stats_repeat_summaries, by day of submission; whole months from their sums), the other days from the reports.
 */
export interface RepeatGroup {
  key: GroupKey;
  count: number;
  last: Date;
}

type Resolution = { id: string; resolvedAt: Date };

const pairKey = (villageCode: string, categoryCode: string) => `${villageCode}|${categoryCode}`;
const latest = (left: Date, right: Date) => new Date(Math.max(left.getTime(), right.getTime()));
const groupId = (key: GroupKey, groupBy: readonly Dimension[]) =>
  JSON.stringify(groupBy.map((dimension) => key[dimension] ?? null));

/**
 * The two latest resolutions before `at` of a list sorted by resolvedAt: if any resolution of the
 * list repeats a report submitted at `at` (isRepeatOf), the latest of them that is not the report
 * itself does, and it is one of these two.
 */
function latestBefore(sorted: readonly Resolution[], at: Date): Resolution[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle].resolvedAt.getTime() < at.getTime()) low = middle + 1;
    else high = middle;
  }
  return sorted.slice(Math.max(0, low - 2), low);
}

function resolutionsQuery(manager: EntityManager, from: Date, to: Date, regionCode: string | null) {
  // The status-first key carries place and category: one range per status, never the rows.
  const query = manager
    .createQueryBuilder(Report, 'r')
    .useIndex('idx_reports_resolved_at')
    .where(RESOLVED_FOR_REPEATS, { resolvedFrom: from, periodEnd: to });
  if (regionCode) whereReportRegion(query, regionCode);
  return query;
}

/** The period's resolutions (in the region, whichever department) per village × category, sorted. */
async function resolutionsWithin(manager: EntityManager, period: Period, regionCode: string | null) {
  const rows: RawRow[] = await resolutionsQuery(manager, period.start, period.end, regionCode)
    .select(['r.id AS id', 'r.villageCode AS villageCode', 'r.categoryCode AS categoryCode', 'r.resolvedAt AS at'])
    .getRawMany();
  const byPair = new Map<string, Resolution[]>();
  for (const row of rows) {
    const key = pairKey(String(row.villageCode), String(row.categoryCode));
    const list = byPair.get(key) ?? [];
    list.push({ id: String(row.id), resolvedAt: instantOf(row.at as Date | string) });
    byPair.set(key, list);
  }
  for (const list of byPair.values())
    list.sort((left, right) => left.resolvedAt.getTime() - right.resolvedAt.getTime());
  return byPair;
}

/**
 * The latest resolution per village × category in the REPEAT_MATTER_DAYS before the period, counted
 * in the database: only it can be repeated by a report of the period that repeats none within it
 * (unless it is that report itself, resolved before it was submitted: see latestOtherBefore).
 */
async function latestResolutionBefore(manager: EntityManager, period: Period, regionCode: string | null) {
  const rows: RawRow[] = await resolutionsQuery(
    manager,
    new Date(period.start.getTime() - REPEAT_MATTER_MS),
    period.start,
    regionCode,
  )
    .select('r.villageCode', 'villageCode')
    .addSelect('r.categoryCode', 'categoryCode')
    .addSelect('MAX(r.resolvedAt)', 'at')
    .groupBy('r.villageCode')
    .addGroupBy('r.categoryCode')
    .getRawMany();
  return new Map(
    rows.map((row) => [
      pairKey(String(row.villageCode), String(row.categoryCode)),
      { id: '', resolvedAt: instantOf(row.at as Date | string) },
    ]),
  );
}

/** The latest resolution of a village × category in the REPEAT_MATTER_DAYS before the period but `report`'s own. */
async function latestOtherBefore(
  manager: EntityManager,
  period: Period,
  regionCode: string | null,
  report: { id: string; villageCode: string; categoryCode: string },
): Promise<Resolution | undefined> {
  const row: RawRow | undefined = await resolutionsQuery(
    manager,
    new Date(period.start.getTime() - REPEAT_MATTER_MS),
    period.start,
    regionCode,
  )
    .select('MAX(r.resolvedAt)', 'at')
    .andWhere('r.villageCode = :village AND r.categoryCode = :category AND r.id <> :self', {
      village: report.villageCode,
      category: report.categoryCode,
      self: report.id,
    })
    .getRawOne();
  return row?.at ? { id: '', resolvedAt: instantOf(row.at as Date | string) } : undefined;
}

/**
 * 重复反映 of the reports submitted in `period` (in `scope`), from the reports: each matched with
 * the resolutions of its village and category (in the region, whichever department resolved them).
 */
export async function liveRepeats(
  manager: EntityManager,
  period: Period,
  scope: StatsScope,
  groupBy: readonly Dimension[],
): Promise<RepeatGroup[]> {
  const candidates = manager
    .createQueryBuilder(Report, 'r')
    .select(['r.id AS id', 'r.villageCode AS villageCode', 'r.categoryCode AS categoryCode', 'r.createdAt AS at'])
    .addSelect('r.resolvedAt', 'resolvedAt')
    .where(REPEAT_CANDIDATE, { periodStart: period.start, periodEnd: period.end });
  for (const dimension of groupBy) candidates.addSelect(REPORT_COLUMN[dimension], keyAlias(dimension));
  whereReportScope(candidates, scope);
  const [reports, within, before]: [RawRow[], Map<string, Resolution[]>, Map<string, Resolution>] = await Promise.all([
    candidates.getRawMany(),
    resolutionsWithin(manager, period, scope.regionCode),
    latestResolutionBefore(manager, period, scope.regionCode),
  ]);
  const groups = new Map<string, RepeatGroup>();
  for (const row of reports) {
    const report = { id: String(row.id), createdAt: instantOf(row.at as Date | string) };
    const place = { id: report.id, villageCode: String(row.villageCode), categoryCode: String(row.categoryCode) };
    const pair = pairKey(place.villageCode, place.categoryCode);
    const ownResolution = row.resolvedAt ? instantOf(row.resolvedAt as Date | string).getTime() : null;
    const earlier =
      ownResolution !== null && ownResolution === before.get(pair)?.resolvedAt.getTime()
        ? await latestOtherBefore(manager, period, scope.regionCode, place)
        : before.get(pair);
    const resolutions = [...latestBefore(within.get(pair) ?? [], report.createdAt), ...(earlier ? [earlier] : [])];
    if (!resolutions.some((resolution) => isRepeatOf(report, resolution))) continue;
    const key = keyOf(row, groupBy);
    const id = groupId(key, groupBy);
    const known = groups.get(id);
    groups.set(id, {
      key,
      count: (known?.count ?? 0) + 1,
      last: known ? latest(known.last, report.createdAt) : report.createdAt,
    });
  }
  return [...groups.values()];
}

/** Rebuilds one day's 重复反映, inside the day summary's transaction (or alone, when only they moved). */
export async function summariseRepeats(manager: EntityManager, day: string): Promise<void> {
  const groups = await liveRepeats(manager, daysPeriod(day, day), WHOLE_SYSTEM, ALL_DIMENSIONS);
  const rows = groups.map(({ key, count, last }) =>
    Object.assign(new StatsRepeatSummary(), {
      day,
      ...summaryKeyColumns(key),
      repeats: count,
      lastRepeatAt: last,
    }),
  );
  await replaceRows(manager, StatsRepeatSummary, { day }, rows);
}

/** The summarised part's 重复反映: whole months summed already from the month sums, the other days from the days. */
async function summarisedRepeats(
  manager: EntityManager,
  periods: readonly Period[],
  scope: StatsScope,
  groupBy: readonly Dimension[],
): Promise<RepeatGroup[]> {
  const sources = await summarySources(manager, periods, false);
  const builders: SelectQueryBuilder<ObjectLiteral>[] = [];
  if (sources.days.length > 0) {
    const days = manager.createQueryBuilder(StatsRepeatSummary, 's');
    whereSummaryDays(days, sources.days);
    builders.push(days);
  }
  if (sources.months.length > 0)
    builders.push(
      manager
        .createQueryBuilder(StatsRepeatMonthSummary, 's')
        .where('s.month IN (:...months)', { months: sources.months }),
    );
  const reads = builders.map((builder) => {
    builder.select('SUM(s.repeats)', 'n').addSelect('MAX(s.lastRepeatAt)', 'last');
    whereSummaryScope(builder, scope);
    for (const dimension of groupBy)
      builder.addSelect(SUMMARY_COLUMN[dimension], keyAlias(dimension)).addGroupBy(SUMMARY_COLUMN[dimension]);
    return builder.getRawMany<RawRow>();
  });
  const rows = (await Promise.all(reads)).flat();
  return rows.map((row) => ({
    key: keyOf(row, groupBy, ''),
    count: Number(row.n),
    last: instantOf(row.last as Date | string),
  }));
}

/** 重复反映 of the reports submitted in a period of whole days, per group. */
export async function repeatsByGroup(
  manager: EntityManager,
  period: Period,
  scope: StatsScope,
  groupBy: readonly Dimension[],
  plans?: SharedPlanReads,
): Promise<RepeatGroup[]> {
  const plan = await summaryPlan(manager, period, changedRepeatDays, plans);
  const parts = await Promise.all([
    ...plan.live.map((range) => liveRepeats(manager, range, scope, groupBy)),
    plan.summarised.length === 0 ? [] : summarisedRepeats(manager, plan.summarised, scope, groupBy),
  ]);
  const groups = new Map<string, RepeatGroup>();
  for (const group of parts.flat()) {
    const id = groupId(group.key, groupBy);
    const known = groups.get(id);
    groups.set(
      id,
      known ? { key: known.key, count: known.count + group.count, last: latest(known.last, group.last) } : group,
    );
  }
  return [...groups.values()];
}

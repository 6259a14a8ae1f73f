import type { EntityManager } from 'typeorm';
import {
  type DaySpan,
  type MostFollowedReport,
  type RepeatMatter,
  type RisingHotspot,
  STAFF_STATUS_NAMES,
} from '@minqing/shared';
import { Report } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import { type Period, comparisonSpans, daysPeriod } from './calendar';
import { FOLLOWED_LIST_LIMIT, IN_COHORT, IS_FOLLOWED_IN_PERIOD, isRisingHotspot } from './figures';
import { type StatsScope, whereReportScope } from './scope';
import { numberOf } from './groups';
import { repeatsByGroup } from './repeatMatters';
import { summarySources } from './monthSummaries';
import { receivedFromSummaries } from './summaryReads';
import { type SharedPlanReads, changedDays, sharedPlanReads, summaryPlan } from './summaryPlan';

type Lookups = Pick<ReferenceSnapshot, 'categories' | 'regions'>;

export interface HotspotsProps {
  manager: EntityManager;
  lookups: Lookups;
  scope: StatsScope;
  /** The period's days, both included (China calendar). */
  span: DaySpan;
  now: Date;
  /** The summary plans' reads, shared by the request's periods (stats/summaryPlan.ts). */
  plans?: SharedPlanReads;
}

const placeOf = (lookups: Lookups, villageCode: string) => ({
  villageName: lookups.regions.get(villageCode)?.name ?? villageCode,
  townshipName: lookups.regions.get(villageCode.slice(0, 9))?.name ?? villageCode.slice(0, 9),
});
const categoryNameOf = (lookups: Lookups, code: string) => lookups.categories.get(code)?.name ?? code;
const pairKey = (villageCode: string, categoryCode: string) => `${villageCode}|${categoryCode}`;

/** 受理件数 per village × category of categorised reports in a period, read from the reports. */
async function liveReceivedByPlace(props: HotspotsProps, period: Period) {
  const query = props.manager
    .createQueryBuilder(Report, 'r')
    .select('r.villageCode', 'village')
    .addSelect('r.categoryCode', 'category')
    .addSelect('COUNT(*)', 'n')
    .where(IN_COHORT, { periodStart: period.start, periodEnd: period.end })
    .andWhere('r.categoryCode IS NOT NULL');
  whereReportScope(query, props.scope);
  const rows: { village: string; category: string; n: string | number }[] = await query
    .groupBy('r.villageCode')
    .addGroupBy('r.categoryCode')
    .getRawMany();
  return rows;
}

/**
 * Received (the cohort rule, as the figures' 受理件数) per village × category in a period;
 * uncategorised reports are no hot spot. Only the count: the other figures are not shown here.
 * Summarised days from the summaries (whole months from the month summaries), the others from
 * the reports (stats/summaryPlan.ts).
 */
async function receivedByPlace(props: HotspotsProps, period: Period): Promise<Map<string, number>> {
  const plan = await summaryPlan(props.manager, period, changedDays, props.plans);
  const [live, summarised] = await Promise.all([
    Promise.all(plan.live.map((range) => liveReceivedByPlace(props, range))),
    plan.summarised.length === 0
      ? []
      : summarySources(props.manager, plan.summarised).then((sources) =>
          receivedFromSummaries(props.manager, sources, props.scope, ['village', 'category'], true),
        ),
  ]);
  const counts = new Map<string, number>();
  const add = (village: string, category: string, n: string | number | null) =>
    counts.set(pairKey(village, category), (counts.get(pairKey(village, category)) ?? 0) + numberOf(n));
  for (const row of live.flat()) add(row.village, row.category, row.n);
  for (const row of summarised) add(String(row.key_village), String(row.key_category), row.n);
  return counts;
}

/** 上升热点, the biggest rise over the higher of 环比 and 同比 first. */
export async function risingHotspots(props: HotspotsProps): Promise<RisingHotspot[]> {
  const spans = comparisonSpans(props.span.from, props.span.to);
  const [current, previous, lastYear] = await Promise.all([
    receivedByPlace(props, daysPeriod(props.span.from, props.span.to)),
    receivedByPlace(props, daysPeriod(spans.previous.from, spans.previous.to)),
    receivedByPlace(props, daysPeriod(spans.lastYear.from, spans.lastYear.to)),
  ]);
  const rising: RisingHotspot[] = [];
  for (const [key, count] of current) {
    const counts = { count, previous: previous.get(key) ?? 0, lastYear: lastYear.get(key) ?? 0 };
    if (!isRisingHotspot(counts)) continue;
    const [villageCode, categoryCode] = key.split('|');
    rising.push({
      villageCode,
      ...placeOf(props.lookups, villageCode),
      categoryCode,
      categoryName: categoryNameOf(props.lookups, categoryCode),
      ...counts,
    });
  }
  const rise = (row: RisingHotspot) => row.count - Math.max(row.previous, row.lastYear);
  return rising.sort(
    (left, right) =>
      rise(right) - rise(left) ||
      right.count - left.count ||
      left.villageCode.localeCompare(right.villageCode) ||
      left.categoryCode.localeCompare(right.categoryCode),
  );
}

/** 重复反映 per village × category in the period, most first (stats/repeatMatters.ts). */
export async function repeatMatters(props: HotspotsProps): Promise<RepeatMatter[]> {
  const groups = await repeatsByGroup(
    props.manager,
    daysPeriod(props.span.from, props.span.to),
    props.scope,
    ['village', 'category'],
    props.plans,
  );
  return groups
    .map(({ key, count, last }) => {
      const villageCode = String(key.village);
      const categoryCode = String(key.category);
      return {
        villageCode,
        ...placeOf(props.lookups, villageCode),
        categoryCode,
        categoryName: categoryNameOf(props.lookups, categoryCode),
        count,
        lastReportedAt: last.toISOString(),
      };
    })
    .sort(
      (left, right) =>
        right.count - left.count ||
        left.villageCode.localeCompare(right.villageCode) ||
        left.categoryCode.localeCompare(right.categoryCode),
    );
}

/** 关注最多: the period's reports most villagers joined with 我也遇到. */
export async function mostFollowed(props: HotspotsProps): Promise<MostFollowedReport[]> {
  const period = daysPeriod(props.span.from, props.span.to);
  const query = props.manager
    .createQueryBuilder(Report, 'r')
    .select(['r.id', 'r.serialNo', 'r.villageCode', 'r.categoryCode', 'r.followerCount', 'r.status', 'r.createdAt'])
    .where(IS_FOLLOWED_IN_PERIOD, { periodStart: period.start, periodEnd: period.end })
    // Only a report someone joined since the period began can be one: a follow comes after the report
    // (reportFollowing.ts), so the follows since then name them all — a few rows, not the period's reports.
    .andWhere('r.id IN (SELECT f.reportId FROM report_followers f WHERE f.createdAt >= :periodStart)');
  whereReportScope(query, props.scope);
  const reports = await query
    .orderBy('r.followerCount', 'DESC')
    .addOrderBy('r.createdAt', 'DESC')
    .addOrderBy('r.id', 'DESC')
    .take(FOLLOWED_LIST_LIMIT)
    .getMany();
  return reports.map((report) => ({
    id: report.id,
    serialNo: report.serialNo,
    villageCode: report.villageCode,
    ...placeOf(props.lookups, report.villageCode),
    categoryCode: report.categoryCode,
    categoryName: report.categoryCode ? categoryNameOf(props.lookups, report.categoryCode) : '未分类',
    followerCount: report.followerCount,
    status: report.status,
    statusName: STAFF_STATUS_NAMES[report.status],
    submittedAt: report.createdAt.toISOString(),
  }));
}

export async function computeHotspots(props: HotspotsProps) {
  const shared = { ...props, plans: props.plans ?? sharedPlanReads() };
  const [rising, repeats, followed] = await Promise.all([
    risingHotspots(shared),
    repeatMatters(shared),
    mostFollowed(shared),
  ]);
  return { ...comparisonSpans(props.span.from, props.span.to), rising, repeats, followed };
}

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
import { collectCounts } from './aggregate';
import { type Period, comparisonSpans, daysPeriod } from './calendar';
import {
  FOLLOWED_LIST_LIMIT,
  IS_FOLLOWED_IN_PERIOD,
  REPEAT_CANDIDATE,
  REPEAT_MATTER_MS,
  RESOLVED_FOR_REPEATS,
  isRepeatOf,
  isRisingHotspot,
} from './figures';
import { type StatsScope, whereReportRegion, whereReportScope } from './scope';

type Lookups = Pick<ReferenceSnapshot, 'categories' | 'regions'>;

export interface HotspotsProps {
  manager: EntityManager;
  lookups: Lookups;
  scope: StatsScope;
  /** The period's days, both included (China calendar). */
  span: DaySpan;
  now: Date;
}

const placeOf = (lookups: Lookups, villageCode: string) => ({
  villageName: lookups.regions.get(villageCode)?.name ?? villageCode,
  townshipName: lookups.regions.get(villageCode.slice(0, 9))?.name ?? villageCode.slice(0, 9),
});
const categoryNameOf = (lookups: Lookups, code: string) => lookups.categories.get(code)?.name ?? code;
const pairKey = (villageCode: string, categoryCode: string) => `${villageCode}|${categoryCode}`;

/** Received (the cohort rule) per village × category in a period; uncategorised reports are no hot spot. */
async function receivedByPlace(props: HotspotsProps, period: Period): Promise<Map<string, number>> {
  const groups = await collectCounts(props.manager, {
    period,
    now: props.now,
    scope: props.scope,
    groupBy: ['village', 'category'],
  });
  const counts = new Map<string, number>();
  for (const group of groups) {
    if (!group.key.village || !group.key.category || group.counts.received === 0) continue;
    counts.set(pairKey(group.key.village, group.key.category), group.counts.received);
  }
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

/**
 * 重复反映 per village × category in the period, most first: the period's reports (in scope) and
 * the resolutions they may repeat (in the region, whichever department resolved them), matched
 * by isRepeatOf. Two index ranges — submission and resolution times — whatever the volume.
 */
export async function repeatMatters(props: HotspotsProps): Promise<RepeatMatter[]> {
  const period = daysPeriod(props.span.from, props.span.to);
  const candidates = props.manager
    .createQueryBuilder(Report, 'r')
    .select(['r.id', 'r.villageCode', 'r.categoryCode', 'r.createdAt'])
    .where(REPEAT_CANDIDATE, { periodStart: period.start, periodEnd: period.end });
  whereReportScope(candidates, props.scope);
  const resolutions = props.manager
    .createQueryBuilder(Report, 'r')
    .select(['r.id', 'r.villageCode', 'r.categoryCode', 'r.resolvedAt'])
    .where(RESOLVED_FOR_REPEATS, {
      resolvedFrom: new Date(period.start.getTime() - REPEAT_MATTER_MS),
      periodEnd: period.end,
    });
  if (props.scope.regionCode) whereReportRegion(resolutions, props.scope.regionCode);
  const [reports, resolved] = await Promise.all([candidates.getMany(), resolutions.getMany()]);
  const resolvedByPlace = new Map<string, { id: string; resolvedAt: Date }[]>();
  for (const report of resolved) {
    if (!report.categoryCode || !report.resolvedAt) continue;
    const key = pairKey(report.villageCode, report.categoryCode);
    const list = resolvedByPlace.get(key) ?? [];
    list.push({ id: report.id, resolvedAt: report.resolvedAt });
    resolvedByPlace.set(key, list);
  }
  const matters = new Map<string, { count: number; last: Date }>();
  for (const report of reports) {
    if (!report.categoryCode) continue;
    const key = pairKey(report.villageCode, report.categoryCode);
    if (!(resolvedByPlace.get(key) ?? []).some((resolution) => isRepeatOf(report, resolution))) continue;
    const known = matters.get(key);
    matters.set(key, {
      count: (known?.count ?? 0) + 1,
      last: known && known.last > report.createdAt ? known.last : report.createdAt,
    });
  }
  return [...matters]
    .map(([key, matter]) => {
      const [villageCode, categoryCode] = key.split('|');
      return {
        villageCode,
        ...placeOf(props.lookups, villageCode),
        categoryCode,
        categoryName: categoryNameOf(props.lookups, categoryCode),
        count: matter.count,
        lastReportedAt: matter.last.toISOString(),
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
    .where(IS_FOLLOWED_IN_PERIOD, { periodStart: period.start, periodEnd: period.end });
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
  const [rising, repeats, followed] = await Promise.all([
    risingHotspots(props),
    repeatMatters(props),
    mostFollowed(props),
  ]);
  return { ...comparisonSpans(props.span.from, props.span.to), rising, repeats, followed };
}

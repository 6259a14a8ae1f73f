import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus, type StatFigures } from '@minqing/shared';
import type { StatsDialect } from './sqlDialect';

/**
 * Every performance figure (PRODUCT.md §6), defined once. The public ranking, the staff
 * overview, the breakdowns and the trends all build their SQL from the fragments below, so a
 * department's numbers cannot differ between pages. Queries alias `reports` as `r`.
 *
 * ATTRIBUTION. A report counts for the department that holds it now (reports.departmentId)
 * in the Asia/Shanghai calendar month of reports.dispatchedAt — when that department received
 * it. Assigning and transferring reset dispatchedAt, so a transferred report counts once, for
 * the department it was transferred to, in the month of the transfer; a returned report
 * (departmentId cleared) counts for nobody until it is dispatched again, and the return itself
 * is counted for the returning department (see RETURNS). Reopening keeps the department and
 * dispatchedAt, so a reopened report stays in its original month. Reports later rejected
 * (不予受理) or merged into another are left out: a dispatcher decided they were not the
 * department's to resolve (the report they were merged into still counts).
 *
 * For a region (township, county, village) the same reports count by where the matter is
 * (the report's region columns), whichever department holds it.
 *
 * COHORT, AS OF NOW. A month's figures describe the reports received that month in their
 * current state: the resolved rate of last month still rises as its reports get resolved, and
 * a report received on the 30th and still open weeks later is overdue for that month. This
 * keeps every rate a ratio of the same set of reports, and lets nobody improve a month by
 * letting its reports age out of it.
 */

const quoted = (statuses: readonly ReportStatus[]) => statuses.map((status) => `'${status}'`).join(', ');

/** The current status says the matter is done: 已办结 or 已评价. */
export const IS_RESOLVED = `r.status IN ('resolved', 'closed')`;
/** Still waiting for someone to act: 待受理, 已派单, 处理中, 重办. */
export const IS_OPEN = `r.status IN (${quoted(OPEN_STATUSES)})`;

/** The reports a period counts (see ATTRIBUTION); needs :periodStart and :periodEnd. */
export const IN_COHORT = `r.departmentId IS NOT NULL AND r.dispatchedAt >= :periodStart AND r.dispatchedAt < :periodEnd AND r.status NOT IN ('rejected', 'merged')`;

/**
 * 超期: still open after its resolve deadline (as of :now), or resolved after it. An approved
 * extension moves the deadline, so an extended report is late only past the new one.
 */
export const IS_OVERDUE_OPEN = `${IS_OPEN} AND r.resolveDueAt < :now`;
/** The half of 超期 that no longer moves with the clock: resolved after the deadline. */
export const IS_RESOLVED_LATE = `${IS_RESOLVED} AND r.resolvedAt > r.resolveDueAt`;
export const IS_OVERDUE = `((${IS_OVERDUE_OPEN}) OR (${IS_RESOLVED_LATE}))`;

/**
 * Signed for in time. Reopening and returning clear signedAt, so a reopened report must be
 * signed for again; it is measured against its original response deadline.
 */
export const IS_RESPONDED = 'r.signedAt IS NOT NULL AND r.signedAt <= r.responseDueAt';
export const IS_RESOLVED_ON_TIME = `${IS_RESOLVED} AND r.resolvedAt <= r.resolveDueAt`;
/**
 * Rated by the citizen: a 回访评价 (the filer of a 代报 recording the household's rating after a
 * return visit) is counted apart, so ratings given on someone's behalf cannot raise 满意率.
 */
export const IS_RATED = 'r.rating IS NOT NULL AND r.ratingOnBehalf = 0';
/** 满意: four or five stars, from the citizen. */
export const IS_SATISFIED = 'r.rating >= 4 AND r.ratingOnBehalf = 0';
/** 回访评价: rated for the household by the filer of a 代报. */
export const IS_VISIT_RATED = 'r.rating IS NOT NULL AND r.ratingOnBehalf = 1';
/** 回访满意: four or five stars in a 回访评价. */
export const IS_VISIT_SATISFIED = 'r.rating >= 4 AND r.ratingOnBehalf = 1';
/** 重复投诉: the citizen sent it back at least once (rating ≤ 2 or dispute). */
export const IS_REPEAT_COMPLAINT = 'r.reopenCount > 0';

/**
 * RETURNS (退单) are events, not reports: `return` events in the period (by event time)
 * whose departmentId — the department that returned the report — is the department counted.
 * For a region, the returns of reports located in it. Alias `e` for report_events.
 */
export const IS_RETURN_IN_PERIOD = "e.type = 'return' AND e.createdAt >= :periodStart AND e.createdAt < :periodEnd";

/** Additive counts: they sum across groups, and every published figure derives from them. */
export interface RawCounts {
  received: number;
  responded: number;
  resolved: number;
  resolvedOnTime: number;
  rated: number;
  satisfied: number;
  visitRated: number;
  visitSatisfied: number;
  /** Sum over resolved reports of (resolvedAt − dispatchedAt) in milliseconds. */
  resolveMsTotal: number;
  overdue: number;
  repeatComplaints: number;
  returns: number;
}

export type CohortCount = Exclude<keyof RawCounts, 'returns'>;

export const ZERO_COUNTS: RawCounts = {
  received: 0,
  responded: 0,
  resolved: 0,
  resolvedOnTime: 0,
  rated: 0,
  satisfied: 0,
  visitRated: 0,
  visitSatisfied: 0,
  resolveMsTotal: 0,
  overdue: 0,
  repeatComplaints: 0,
  returns: 0,
};

const countWhere = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

export type OverdueRule = 'asOfNow' | 'resolvedLate';

/**
 * The SELECT expressions of the cohort counts, over reports `r` already restricted to IN_COHORT.
 * `overdue: 'resolvedLate'` counts only the reports resolved late — what a day's summary can keep
 * (stats/summaries.ts), the open ones past their deadline being a matter of :now.
 */
export function cohortSelections(dialect: StatsDialect, overdue: OverdueRule = 'asOfNow'): Record<CohortCount, string> {
  return {
    received: 'COUNT(*)',
    responded: countWhere(IS_RESPONDED),
    resolved: countWhere(IS_RESOLVED),
    resolvedOnTime: countWhere(IS_RESOLVED_ON_TIME),
    rated: countWhere(IS_RATED),
    satisfied: countWhere(IS_SATISFIED),
    visitRated: countWhere(IS_VISIT_RATED),
    visitSatisfied: countWhere(IS_VISIT_SATISFIED),
    resolveMsTotal: `SUM(CASE WHEN ${IS_RESOLVED} THEN ${dialect.millisecondsBetween('r.dispatchedAt', 'r.resolvedAt')} ELSE 0 END)`,
    overdue: countWhere(overdue === 'asOfNow' ? IS_OVERDUE : IS_RESOLVED_LATE),
    repeatComplaints: countWhere(IS_REPEAT_COMPLAINT),
  };
}

export function addCounts(left: RawCounts, right: RawCounts): RawCounts {
  const sum = { ...left };
  for (const key of Object.keys(sum) as (keyof RawCounts)[]) sum[key] += right[key];
  return sum;
}

/** A ratio, or null when there was nothing to count: "no data" is not 0 % and not 100 %. */
const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

const HOUR_MS = 3600_000;

/** The published figures. Mean hours are rounded to two decimals (36 s) so both databases agree. */
export function toFigures(counts: RawCounts): StatFigures {
  return {
    received: counts.received,
    responded: counts.responded,
    responseRate: ratio(counts.responded, counts.received),
    resolved: counts.resolved,
    resolvedOnTime: counts.resolvedOnTime,
    onTimeRate: ratio(counts.resolvedOnTime, counts.resolved),
    resolvedRate: ratio(counts.resolved, counts.received),
    rated: counts.rated,
    satisfied: counts.satisfied,
    satisfactionRate: ratio(counts.satisfied, counts.rated),
    visitRated: counts.visitRated,
    visitSatisfied: counts.visitSatisfied,
    visitSatisfactionRate: ratio(counts.visitSatisfied, counts.visitRated),
    meanHoursToResolve:
      counts.resolved === 0 ? null : Math.round((counts.resolveMsTotal / counts.resolved / HOUR_MS) * 100) / 100,
    overdue: counts.overdue,
    returns: counts.returns,
    repeatComplaints: counts.repeatComplaints,
  };
}

/**
 * 走访督导: the field's figures, per grid and per 三线 member, for a calendar month. Households
 * are aliased `h`, visits `v`, report events `e` with their acting staff `s`. :asOf is the end
 * of the month, or now for the month under way; :visitCutoff is NOT_VISITED_DAYS before it.
 */
/** 联系户数: households on the roster at :asOf. */
export const HOUSEHOLD_ON_ROSTER = 'h.createdAt < :asOf';
/** 走访次数: visits logged in the month. */
export const VISIT_IN_PERIOD = 'v.visitedAt >= :periodStart AND v.visitedAt < :periodEnd';
/** 未走访: households on the roster that nobody visited in the 30 days up to :asOf. */
export const NOT_VISITED = `${HOUSEHOLD_ON_ROSTER} AND NOT EXISTS (SELECT 1 FROM visits nv WHERE nv.householdId = h.id AND nv.visitedAt >= :visitCutoff AND nv.visitedAt < :asOf)`;
/** 就地办结: reports resolved on the spot (小事不出村) in the month, counted for the grid or village of who settled them. */
export const SETTLED_ON_SPOT =
  "e.type = 'resolve_on_spot' AND e.actorType = 'staff' AND e.createdAt >= :periodStart AND e.createdAt < :periodEnd";

/** 代报: reports staff filed on a household's behalf in the month (aliased `r`), counted for the grid of the filer and for the filer. */
export const FILED_ON_BEHALF =
  'r.filedByStaffId IS NOT NULL AND r.createdAt >= :periodStart AND r.createdAt < :periodEnd';

/**
 * 热点研判 (未诉先办): where matters gather before anyone complains. Reports aliased `r`.
 *
 * 上升热点: a village × category counted by the cohort rule (IN_COHORT: received by a department
 * in the period, by dispatch day) that reaches HOTSPOT_MIN_COUNT and counts more than in both
 * comparison periods — 环比, the same number of days just before, and 同比, the same calendar
 * days a year earlier (calendar.ts comparisonSpans).
 */
export const HOTSPOT_MIN_COUNT = 3;

export function isRisingHotspot(counts: { count: number; previous: number; lastYear: number }): boolean {
  return counts.count >= HOTSPOT_MIN_COUNT && counts.count > counts.previous && counts.count > counts.lastYear;
}

/** 重复反映: how many days after a resolution a new report of the same village and category repeats it. */
export const REPEAT_MATTER_DAYS = 30;

/** The reports a period's repeat matters look at: submitted in the period, categorised, not rejected or merged. */
export const REPEAT_CANDIDATE = `r.createdAt >= :periodStart AND r.createdAt < :periodEnd AND r.categoryCode IS NOT NULL AND r.status NOT IN ('rejected', 'merged')`;

/**
 * The resolutions they may repeat: resolved from REPEAT_MATTER_DAYS before the period to its end
 * (:resolvedFrom, :periodEnd), whatever the report's status since. Every status is named so the
 * range can be read from the status-first (status, resolvedAt, …) key, one range per status.
 */
export const RESOLVED_FOR_REPEATS = `r.status IN (${quoted(REPORT_STATUSES)}) AND r.resolvedAt IS NOT NULL AND r.resolvedAt >= :resolvedFrom AND r.resolvedAt < :periodEnd AND r.categoryCode IS NOT NULL`;

export const REPEAT_MATTER_MS = REPEAT_MATTER_DAYS * 24 * 3600_000;

/**
 * 重复反映: a report of a village and category repeats another report of the same village and
 * category resolved before it was submitted, at most REPEAT_MATTER_DAYS days before. (Matched in
 * memory by stats/hotspots.ts: a correlated range in SQL is one neither database can seek.)
 */
export function isRepeatOf(
  report: { id: string; createdAt: Date },
  resolution: { id: string; resolvedAt: Date },
): boolean {
  const gap = report.createdAt.getTime() - resolution.resolvedAt.getTime();
  return report.id !== resolution.id && gap > 0 && gap <= REPEAT_MATTER_MS;
}

/**
 * 研判简报 (weekly): 超期 lists, per department, the reports open past their resolve deadline when
 * the brief is made (IS_OPEN and IS_OVERDUE, the dashboard's 当前超期). 满意度最低的部门 ranks
 * departments by 满意率 (IS_SATISFIED / IS_RATED) over the cohort of the BRIEF_SATISFACTION_WEEKS
 * weeks ending with the brief's week, lowest first, among those with at least BRIEF_MIN_RATED ratings.
 */
export const BRIEF_SATISFACTION_WEEKS = 4;
export const BRIEF_MIN_RATED = 1;
/** How many rows a brief's lists hold at most. */
export const BRIEF_LIST_LIMIT = 10;

/**
 * 关注最多: reports submitted in the period (not rejected or merged) that at least FOLLOWED_MIN
 * villagers joined with 我也遇到 (reports.followerCount), most followers first.
 */
export const FOLLOWED_MIN = 2;
export const IS_FOLLOWED_IN_PERIOD = `r.createdAt >= :periodStart AND r.createdAt < :periodEnd AND r.status NOT IN ('rejected', 'merged') AND r.followerCount >= ${FOLLOWED_MIN}`;
/** How many of them the dashboard lists. */
export const FOLLOWED_LIST_LIMIT = 10;

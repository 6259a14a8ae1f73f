import type { Period } from './period';

/**
 * Drill-down: each figure of the dashboard → the work queue filtered to the reports behind it,
 * as the parameters of navigate('queue', …) (nav.ts), which the queue reads.
 *
 * The queue and the figures share the scope: both take the signed-in member's region (and a
 * handler's department) from the server. Where they cannot agree exactly, the comment says so.
 * The main gap: the queue's from/to select by submission day (reports.createdAt), while the
 * period's figures count a report in the period of its dispatch (reports.dispatchedAt, see
 * server/src/stats/figures.ts ATTRIBUTION). Most reports are dispatched the day they are
 * submitted, so the lists match but for reports that crossed a midnight between the two, or
 * were transferred later (a transfer resets dispatchedAt). The queue's 全部 also lists what
 * the figures leave out: reports still waiting in triage, rejected (不予受理) and merged ones.
 */
export type DrillQuery = Record<string, string | undefined>;

/** What the figure cards show; period figures are those of server/src/stats/figures.ts. */
export type FigureKey =
  | 'todaySubmitted'
  | 'todayReceived'
  | 'backlog'
  | 'overdueNow'
  | 'received'
  | 'responseRate'
  | 'resolved'
  | 'resolvedRate'
  | 'onTimeRate'
  | 'satisfactionRate'
  | 'overdue'
  | 'returns'
  | 'repeatComplaints';

/**
 * The queue behind a figure card; null for a figure no queue filter can show.
 * `today` is the China calendar day of the overview.
 */
export function figureDrill(figure: FigureKey, period: Period, today: string): DrillQuery | null {
  const inPeriod = { from: period.from, to: period.to };
  switch (figure) {
    // Exact: submitted today in scope is the queue's 全部 submitted today.
    case 'todaySubmitted':
      return { tab: 'all', from: today, to: today };
    // Dispatched today; the queue lists those submitted today (see the note on dates above).
    case 'todayReceived':
      return { tab: 'all', from: today, to: today };
    // Open now. No single tab holds every open status (待受理, 待签收/重办, 处理中), so 全部,
    // which also lists finished reports; the tab counts there split the backlog.
    case 'backlog':
      return { tab: 'all' };
    // Exact: the 已超期 tab is open past the resolve deadline, the rule of "overdue now".
    case 'overdueNow':
      return { tab: 'overdue' };
    // The period's reports; the rates are shares of them, so they open the same list.
    case 'received':
    case 'responseRate':
    case 'resolvedRate':
      return { tab: 'all', ...inPeriod };
    // The resolved and rated among them: resolved or closed now (已办结).
    case 'resolved':
    case 'onTimeRate':
    case 'satisfactionRate':
      return { tab: 'done', ...inPeriod };
    // Of the period's reports, those open past the deadline; those resolved late are counted
    // too but have no queue filter (they are in 已办结).
    case 'overdue':
      return { tab: 'overdue', ...inPeriod };
    // Returns are events: the returned reports are back in triage or with another department.
    // Reopened reports have no queue filter either.
    case 'returns':
    case 'repeatComplaints':
      return null;
  }
}

export type TrendSeries = 'received' | 'resolved' | 'overdue';

/**
 * A day of the trend. received: dispatched that day → submitted that day (dates note above).
 * resolved: resolved that day → 已办结 submitted that day, which misses those submitted
 * earlier; overdue: deadline passed that day → 已超期 submitted that day, likewise: the
 * queue has no filter on resolution or deadline days.
 */
export function trendDrill(series: TrendSeries, date: string): DrillQuery {
  const tab = { received: 'all', resolved: 'done', overdue: 'overdue' }[series];
  return { tab, from: date, to: date };
}

/**
 * A category slice: the period's reports of that category. The queue's category filter also
 * takes a first-level category's subcategories, which the chart draws as slices of their own;
 * uncategorised reports (未分类) have no filter, so that slice opens the period's 全部.
 */
export function categoryDrill(categoryCode: string | null, period: Period): DrillQuery {
  return { tab: 'all', categoryId: categoryCode ?? undefined, from: period.from, to: period.to };
}

/** A township or village bar: its series decides the tab, as for the figure cards. */
export function regionDrill(regionCode: string, series: TrendSeries, period: Period): DrillQuery {
  const tab = { received: 'all', resolved: 'done', overdue: 'overdue' }[series];
  return { tab, regionCode, from: period.from, to: period.to };
}

/**
 * A ranking row: the department's reports in the period. The ranking is the scoped one
 * (GET /staff/stats/rankings), so a county bureau's row counts the reports the queue shows.
 */
export function departmentDrill(departmentId: string, period: Period): DrillQuery {
  return { tab: 'all', departmentId, from: period.from, to: period.to };
}

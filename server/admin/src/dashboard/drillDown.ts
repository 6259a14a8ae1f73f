import type { DrillQuery } from '@minqing/shared';
import type { Period } from './period';

/**
 * Drill-down: each chart of the dashboard → the work queue filtered to the reports behind it,
 * as the parameters of navigate('queue', …) (nav.ts), which the queue reads. The figure cards
 * use shared figureDrill, which lists exactly what each figure counts.
 *
 * The charts below are nearer than exact: the queue's from/to select by submission day
 * (reports.createdAt), while the period's figures count a report in the period of its dispatch
 * (reports.dispatchedAt, see server/src/stats/figures.ts ATTRIBUTION); the queue's 全部 also
 * lists what the figures leave out: reports still waiting in triage, rejected and merged ones.
 */
export type { DrillQuery };

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

/**
 * A rising hot spot: exactly the reports it counted — the period's received (by dispatch day) in
 * that village and category. The queue's category filter also takes a first-level category's
 * subcategories, which the hot spots count apart.
 */
export function hotspotDrill(hotspot: { villageCode: string; categoryCode: string }, period: Period): DrillQuery {
  return {
    tab: 'all',
    figure: 'received',
    periodFrom: period.from,
    periodTo: period.to,
    regionCode: hotspot.villageCode,
    categoryId: hotspot.categoryCode,
  };
}

/**
 * A repeat matter: the village's reports of that category submitted in the period — the repeats
 * among them, and any that repeat nothing (the queue has no filter for "after a resolution").
 */
export function repeatDrill(matter: { villageCode: string; categoryCode: string }, period: Period): DrillQuery {
  return {
    tab: 'all',
    regionCode: matter.villageCode,
    categoryId: matter.categoryCode,
    from: period.from,
    to: period.to,
  };
}

/** A most-followed report: the queue on that one report, its drawer open. */
export function followedDrill(report: { id: string; serialNo: string }): DrillQuery {
  return { tab: 'all', serialNo: report.serialNo, report: report.id };
}

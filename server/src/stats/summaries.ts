import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  Report,
  ReportEvent,
  StatsDaySummary,
  StatsSummarisedDay,
  StatsSummarisedMonth,
  StatsSummaryState,
} from '../db/entities';
import { liveCounts } from './aggregate';
import { monthOfDay, summariseMonths } from './monthSummaries';
import { summariseOpenDeadlines } from './openDeadlines';
import { summariseRepeats } from './repeatMatters';
import { addDays, daysOf, daysPeriod, shanghaiDate } from './calendar';
import { ALL_DIMENSIONS, type GroupCounts, mergeGroups } from './groups';
import { replaceRows, summaryKeyColumns } from './summaryRows';
import { SETTLE_MS, SUMMARY_STATE, changedDays, changedRepeatDays, changedResolutionDays } from './summaryPlan';
import { summariseDueDays, summariseResolutions } from './trendDays';
import { WHOLE_SYSTEM } from './scope';
import { instantOf } from './sqlDialect';

/**
 * The statistics' day summaries (数据汇总): for each China calendar day, the additive counts of
 * the reports dispatched that day and the returns made that day, per department, place and
 * category, as they stand — the same statements as the live figures (liveCounts), with 超期 kept
 * as the late resolutions only. A period's figures then read a few rows per day
 * (stats/summaryPlan.ts decides which days).
 *
 * The scheduler keeps them: each run rebuilds whole the closed days (before today, China time)
 * whose reports had an event since its last look (with their trend series, stats/trendDays.ts), and summarises the days not summarised yet,
 * newest first, for at most `budgetMs`, then sums each closed month whose days are all summarised
 * anew (stats/monthSummaries.ts). Nothing is added to a submission or an action.
 */

function summaryRow(day: string, group: GroupCounts): StatsDaySummary {
  const { key, counts } = group;
  return Object.assign(new StatsDaySummary(), {
    day,
    ...summaryKeyColumns(key),
    received: counts.received,
    responded: counts.responded,
    resolved: counts.resolved,
    resolvedOnTime: counts.resolvedOnTime,
    rated: counts.rated,
    satisfied: counts.satisfied,
    visitRated: counts.visitRated,
    visitSatisfied: counts.visitSatisfied,
    resolveMsTotal: counts.resolveMsTotal,
    resolvedLate: counts.overdue,
    repeatComplaints: counts.repeatComplaints,
    returns: counts.returns,
  });
}

/** Rebuilds one day's summary from the reports and events, in one transaction. */
export async function summariseDay(dataSource: DataSource, day: string, now: Date): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const period = daysPeriod(day, day);
    const groups = await liveCounts(
      manager,
      { period, now: period.end, scope: WHOLE_SYSTEM, groupBy: ALL_DIMENSIONS },
      'resolvedLate',
    );
    const rows = mergeGroups(groups, ALL_DIMENSIONS).map((group) => summaryRow(day, group));
    await replaceRows(manager, StatsDaySummary, { day }, rows);
    await summariseOpenDeadlines(manager, day);
    await summariseRepeats(manager, day);
    await summariseResolutions(manager, day);
    await summariseDueDays(manager, day);
    await manager.delete(StatsSummarisedDay, { day });
    await manager.insert(StatsSummarisedDay, { day, summarisedAt: now });
    // Its month's sum no longer holds: the month is read from its days until the job sums it again.
    await manager.delete(StatsSummarisedMonth, { month: monthOfDay(day) });
  });
}

/** The closed days with reports or returns that have no summary yet, newest first. */
async function unsummarisedDays(manager: EntityManager, today: string): Promise<string[]> {
  const [firstDispatch, firstReturn, summarised] = await Promise.all([
    manager.createQueryBuilder(Report, 'r').select('MIN(r.dispatchedAt)', 'at').getRawOne(),
    manager
      .createQueryBuilder(ReportEvent, 'e')
      .select('MIN(e.createdAt)', 'at')
      .where("e.type = 'return'")
      .getRawOne(),
    manager.find(StatsSummarisedDay, { select: { day: true } }),
  ]);
  const firsts = [firstDispatch?.at, firstReturn?.at]
    .filter((at) => at !== null && at !== undefined)
    .map((at) => shanghaiDate(instantOf(at)));
  if (firsts.length === 0) return [];
  const first = firsts.sort()[0];
  if (first >= today) return [];
  const done = new Set(summarised.map((row) => row.day));
  return daysOf(daysPeriod(first, addDays(today, -1)))
    .filter((day) => !done.has(day))
    .reverse();
}

/**
 * The summarised closed days of which one part alone may have moved: their 重复反映 (a resolution
 * they may repeat did, stats/summaryPlan.ts changedRepeatDays) or their 办结 by day of resolution
 * (changedResolutionDays). That part is rebuilt, not their figures.
 */
async function resummarise(
  dataSource: DataSource,
  days: string[],
  today: string,
  done: Set<string>,
  part: (manager: EntityManager, day: string) => Promise<void>,
) {
  const closed = days.filter((day) => day < today && !done.has(day));
  if (closed.length === 0) return;
  const summarised = await dataSource.manager.find(StatsSummarisedDay, {
    select: { day: true },
    where: { day: In(closed) },
  });
  for (const { day } of summarised.sort((left, right) => left.day.localeCompare(right.day)))
    await dataSource.transaction((manager) => part(manager, day));
}

export interface SummaryRun {
  /** Days rebuilt this run. */
  summarised: number;
  /** Days still to summarise for the first time (the next runs take them). */
  remaining: number;
}

export class StatsSummaryJob {
  constructor(
    private readonly deps: { dataSource: DataSource },
    private readonly options: { budgetMs: number } = { budgetMs: 20_000 },
  ) {}

  async runOnce(now: Date): Promise<SummaryRun> {
    const { dataSource } = this.deps;
    const manager = dataSource.manager;
    const today = shanghaiDate(now);
    const state = await manager.findOneBy(StatsSummaryState, { name: SUMMARY_STATE });
    const since = state ? new Date(instantOf(state.checkedAt).getTime() - SETTLE_MS) : null;
    const changed = since ? [...(await changedDays(manager, since))] : [];
    // Changed days first, all of them: only then may the check move on.
    const done = new Set<string>();
    for (const day of changed.filter((day) => day < today).sort()) {
      await summariseDay(dataSource, day, now);
      done.add(day);
    }
    if (since) {
      await resummarise(dataSource, [...(await changedRepeatDays(manager, since))], today, done, async (m, day) => {
        await summariseRepeats(m, day);
        // Its month's sum of repeats no longer holds: read from its days until the job sums it again.
        await m.delete(StatsSummarisedMonth, { month: monthOfDay(day) });
      });
      const resolutions = await changedResolutionDays(manager, since);
      await resummarise(dataSource, [...resolutions], today, done, summariseResolutions);
    }
    await manager.save(StatsSummaryState, { name: SUMMARY_STATE, checkedAt: now });
    const started = Date.now();
    const missing = (await unsummarisedDays(manager, today)).filter((day) => !done.has(day));
    let summarised = done.size;
    for (const day of missing) {
      if (Date.now() - started > this.options.budgetMs) break;
      await summariseDay(dataSource, day, now);
      summarised += 1;
    }
    await summariseMonths(dataSource, now);
    return { summarised, remaining: missing.length - (summarised - done.size) };
  }
}

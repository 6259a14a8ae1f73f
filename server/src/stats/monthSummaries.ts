import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  StatsDaySummary,
  StatsMonthSummary,
  StatsRepeatMonthSummary,
  StatsRepeatSummary,
  StatsSummarisedDay,
  StatsSummarisedMonth,
} from '../db/entities';
import { type Period, daysOf, daysPeriod, monthPeriod, shanghaiMonth } from './calendar';
import { rangesOf } from './summaryPlan';
import { type RawRow, numberOf } from './groups';
import { SUMMARY_KEY, SUMMED } from './summaryReads';
import { replaceRows } from './summaryRows';
import { instantOf } from './sqlDialect';

/**
 * The statistics' month summaries: per China calendar month and key, the sums of the month's day
 * summaries (stats/summaries.ts). The job sums a month once every day of it is summarised, and a
 * day rebuilt takes its month out (in the day's transaction) until the job sums it again, so a
 * month summary always equals its days'. A period's summarised days read whole months here and
 * the days at its edges from the day summaries. The month's 重复反映 are summed with it
 * (stats_repeat_month_summaries), and a day whose repeats alone are rebuilt takes its month out too.
 */

const KEY_COLUMNS = Object.values(SUMMARY_KEY);
const SUMMED_COLUMNS = Object.values(SUMMED);

/** The month a China calendar day (YYYY-MM-DD) falls in. */
export const monthOfDay = (day: string) => day.slice(0, 7);

/** Where the summarised part of a period is read: summed months, the other days' ranges, and the days to take off. */
export interface SummarySources {
  months: string[];
  days: Period[];
  /** Days of the summed months outside the period, whose day summaries are subtracted from the month's sums. */
  minus: Period[];
}

/**
 * Splits summarised day ranges (stats/summaryPlan.ts) into the months summed already and the days
 * left. A month read from its sum is one the ranges cover wholly or, with `partialMonths`, for more
 * than twice the days they leave out: its sum less those days' summaries — exact, as a month's sum
 * is its days' as they stand (a rebuilt day takes it out) — reads fewer rows than its days. Counts
 * only: a maximum cannot be taken off (the repeats' last time), so they ask for whole months.
 */
export async function summarySources(
  manager: EntityManager,
  summarised: readonly Period[],
  partialMonths = true,
): Promise<SummarySources> {
  const covered = new Set(summarised.flatMap(daysOf));
  const months = [...new Set([...covered].map(monthOfDay))].sort();
  const candidates = months.filter((month) => {
    const all = daysOf(monthPeriod(month));
    const inside = all.filter((day) => covered.has(day)).length;
    return inside === all.length || (partialMonths && (all.length - inside) * 2 < inside);
  });
  const built =
    candidates.length === 0
      ? []
      : await manager.find(StatsSummarisedMonth, { select: { month: true }, where: { month: In(candidates) } });
  const summed = new Set(built.map((row) => row.month));
  const ends = [...covered, ...[...summed].flatMap((month) => daysOf(monthPeriod(month)))].sort();
  const allDays = ends.length === 0 ? [] : daysOf(daysPeriod(ends[0], ends[ends.length - 1]));
  const fromMonth = (day: string) => summed.has(monthOfDay(day));
  return {
    months: candidates.filter((month) => summed.has(month)),
    days: rangesOf(allDays, (day) => covered.has(day) && !fromMonth(day)),
    minus: rangesOf(allDays, (day) => !covered.has(day) && fromMonth(day)),
  };
}

/** Sums one month's days' 重复反映 (stats/repeatMatters.ts), inside the month summary's transaction. */
async function summariseRepeatMonth(manager: EntityManager, days: readonly string[]): Promise<void> {
  const month = monthOfDay(days[0]);
  const builder = manager
    .createQueryBuilder(StatsRepeatSummary, 's')
    .select('SUM(s.repeats)', 'repeats')
    .addSelect('MAX(s.lastRepeatAt)', 'lastRepeatAt')
    .where('s.day >= :first AND s.day <= :last', { first: days[0], last: days[days.length - 1] });
  for (const column of KEY_COLUMNS) builder.addSelect(`s.${column}`, column).addGroupBy(`s.${column}`);
  const sums: RawRow[] = await builder.getRawMany();
  const rows = sums.map((row) => {
    const summary = Object.assign(new StatsRepeatMonthSummary(), {
      month,
      repeats: numberOf(row.repeats),
      lastRepeatAt: instantOf(row.lastRepeatAt as Date | string),
    });
    for (const column of KEY_COLUMNS) summary[column] = String(row[column]);
    return summary;
  });
  await replaceRows(manager, StatsRepeatMonthSummary, { month }, rows);
}

/** Sums one month's day summaries into its month summary, in one transaction. */
async function summariseMonth(dataSource: DataSource, month: string, now: Date): Promise<void> {
  const days = daysOf(monthPeriod(month));
  await dataSource.transaction(async (manager) => {
    const builder = manager
      .createQueryBuilder(StatsDaySummary, 's')
      .select([])
      .where('s.day >= :first AND s.day <= :last', { first: days[0], last: days[days.length - 1] });
    for (const column of KEY_COLUMNS) builder.addSelect(`s.${column}`, column).addGroupBy(`s.${column}`);
    for (const column of SUMMED_COLUMNS) builder.addSelect(`SUM(s.${column})`, column);
    const sums: RawRow[] = await builder.getRawMany();
    const rows = sums.map((row) => {
      const summary = Object.assign(new StatsMonthSummary(), { month });
      for (const column of KEY_COLUMNS) summary[column] = String(row[column]);
      for (const column of SUMMED_COLUMNS) summary[column] = numberOf(row[column]);
      return summary;
    });
    await replaceRows(manager, StatsMonthSummary, { month }, rows);
    await summariseRepeatMonth(manager, days);
    await manager.delete(StatsSummarisedMonth, { month });
    await manager.insert(StatsSummarisedMonth, { month, summarisedAt: now });
  });
}

/**
 * Sums every month before `now`'s whose days are all summarised and that has no month summary
 * (never summed, or one of its days rebuilt since). Returns how many it summed.
 */
export async function summariseMonths(dataSource: DataSource, now: Date): Promise<number> {
  const [days, built] = await Promise.all([
    dataSource.manager.find(StatsSummarisedDay, { select: { day: true } }),
    dataSource.manager.find(StatsSummarisedMonth, { select: { month: true } }),
  ]);
  const summed = new Set(built.map((row) => row.month));
  const daysPerMonth = new Map<string, number>();
  for (const { day } of days) daysPerMonth.set(monthOfDay(day), (daysPerMonth.get(monthOfDay(day)) ?? 0) + 1);
  const thisMonth = shanghaiMonth(now);
  const due = [...daysPerMonth]
    .filter(([month, count]) => month < thisMonth && !summed.has(month) && count === daysOf(monthPeriod(month)).length)
    .map(([month]) => month)
    .sort();
  for (const month of due) await summariseMonth(dataSource, month, now);
  return due.length;
}

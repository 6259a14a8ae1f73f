import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  StatsDaySummary,
  StatsMonthSummary,
  StatsRepeatMonthSummary,
  StatsRepeatSummary,
  StatsSummarisedDay,
  StatsSummarisedMonth,
} from '../db/entities';
import { type Period, daysOf, monthPeriod, shanghaiMonth } from './calendar';
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

/** The months a period lies wholly over, in order. */
function wholeMonthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let month = shanghaiMonth(period.start); ; ) {
    const whole = monthPeriod(month);
    if (whole.start.getTime() >= period.end.getTime()) return months;
    if (whole.start.getTime() >= period.start.getTime() && whole.end.getTime() <= period.end.getTime())
      months.push(month);
    month = shanghaiMonth(whole.end);
  }
}

/** A period less the given months (which lie wholly within it), as the ranges left. */
function outsideMonths(period: Period, months: readonly string[]): Period[] {
  const ranges: Period[] = [];
  let start = period.start;
  for (const whole of months.map(monthPeriod)) {
    if (whole.start.getTime() > start.getTime()) ranges.push({ start, end: whole.start });
    start = whole.end;
  }
  if (start.getTime() < period.end.getTime()) ranges.push({ start, end: period.end });
  return ranges;
}

/** Where the summarised part of a period is read: whole months, and the other days' ranges. */
export interface SummarySources {
  months: string[];
  days: Period[];
}

/** Splits summarised day ranges (stats/summaryPlan.ts) into the whole months summed already and the days left. */
export async function summarySources(manager: EntityManager, summarised: readonly Period[]): Promise<SummarySources> {
  const candidates = summarised.flatMap(wholeMonthsOf);
  const built =
    candidates.length === 0
      ? []
      : await manager.find(StatsSummarisedMonth, { select: { month: true }, where: { month: In(candidates) } });
  const summed = new Set(built.map((row) => row.month));
  const months = candidates.filter((month) => summed.has(month));
  return {
    months,
    days: summarised.flatMap((range) =>
      outsideMonths(
        range,
        wholeMonthsOf(range).filter((month) => summed.has(month)),
      ),
    ),
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

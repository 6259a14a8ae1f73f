import { holidayScheduleSchema, weekdayOfDate } from '@minqing/shared';
import type { HolidayDay } from '@minqing/shared';

const DAY = 24 * 3600_000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export const weekdayName = (date: string) => WEEKDAYS[weekdayOfDate(date)];

/** Every date from `from` to `to`, inclusive (`YYYY-MM-DD`). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY)
    dates.push(new Date(at).toISOString().slice(0, 10));
  return dates;
}

/** Adds days, a new entry replacing one of the same date; the list stays in date order. */
export function withDays(days: readonly HolidayDay[], added: readonly HolidayDay[]): HolidayDay[] {
  const byDate = new Map(days.map((day) => [day.date, day]));
  for (const day of added) byDate.set(day.date, day);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** A holiday period (春节 2-15 … 2-23) as one row per day off. */
export function holidayRange(from: string, to: string, name: string): HolidayDay[] {
  return datesBetween(from, to).map((date) => ({ date, kind: 'holiday', name: name.trim() }));
}

export interface HolidayPeriodView {
  name: string;
  from: string;
  to: string;
  days: number;
  /** The make-up workdays (调休上班) named after this holiday. */
  workdays: string[];
}

/** Runs of consecutive days off with the same name, for the summary above the day list. */
export function periodsOf(days: readonly HolidayDay[]): HolidayPeriodView[] {
  const periods: HolidayPeriodView[] = [];
  for (const day of days.filter((entry) => entry.kind === 'holiday')) {
    const last = periods[periods.length - 1];
    if (last && last.name === day.name && Date.parse(day.date) - Date.parse(last.to) === DAY) {
      last.to = day.date;
      last.days += 1;
    } else {
      periods.push({ name: day.name, from: day.date, to: day.date, days: 1, workdays: [] });
    }
  }
  for (const workday of days.filter((entry) => entry.kind === 'workday'))
    periods.find((period) => period.name === workday.name)?.workdays.push(workday.date);
  return periods;
}

/** The schedule checked as the server will check it: messages naming the date at fault. */
export function scheduleProblems(year: number, days: readonly HolidayDay[]): string[] {
  const parsed = holidayScheduleSchema(year).safeParse({ days });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const index = typeof issue.path[1] === 'number' ? issue.path[1] : -1;
    const date = days[index]?.date;
    return date && !issue.message.includes(date) ? `${date}：${issue.message}` : issue.message;
  });
}

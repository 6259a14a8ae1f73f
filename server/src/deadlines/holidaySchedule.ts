import type { HolidayDay, HolidaySource, HolidayYearSchedule, HolidayYearSummary } from '@minqing/shared';
import { HOLIDAY_YEARS, type HolidayYear } from './holidays';
import { WorkingCalendar, addLocalDays } from './workingCalendar';

/**
 * The holiday schedule deadlines run on: the built-in notices of holidays.ts, where the rows
 * an operator entered for a year (table holiday_days, through 配置 → 节假日) replace that
 * year's built-in schedule, so a newly published year needs no release.
 */
type ScheduleYear = Pick<HolidayYear, 'year' | 'periods' | 'makeUpWorkdays'>;

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** A built-in year as one row per day, in date order. */
export function builtinDays(year: number): HolidayDay[] | null {
  const notice = HOLIDAY_YEARS.find((entry) => entry.year === year);
  if (!notice) return null;
  const days: HolidayDay[] = [];
  for (const period of notice.periods) {
    for (let date = period.from; date <= period.to; date = addLocalDays(date, 1))
      days.push({ date, kind: 'holiday', name: period.name });
  }
  for (const date of notice.makeUpWorkdays) days.push({ date, kind: 'workday', name: nameOfMakeUpDay(notice, date) });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** holidays.ts does not name its make-up workdays: each pays for the nearest holiday period. */
function nameOfMakeUpDay(notice: HolidayYear, date: string): string {
  const distance = (period: HolidayYear['periods'][number]) =>
    Math.min(Math.abs(Date.parse(period.from) - Date.parse(date)), Math.abs(Date.parse(period.to) - Date.parse(date)));
  return [...notice.periods].sort((a, b) => distance(a) - distance(b))[0]?.name ?? '调休';
}

function toScheduleYear(year: number, days: readonly HolidayDay[]): ScheduleYear {
  return {
    year,
    periods: days
      .filter((day) => day.kind === 'holiday')
      .map((day) => ({ name: day.name, from: day.date, to: day.date })),
    makeUpWorkdays: days.filter((day) => day.kind === 'workday').map((day) => day.date),
  };
}

function groupByYear(days: readonly HolidayDay[]): Map<number, HolidayDay[]> {
  const years = new Map<number, HolidayDay[]>();
  for (const day of days) years.set(yearOf(day.date), [...(years.get(yearOf(day.date)) ?? []), day]);
  return years;
}

/** The working calendar with the entered years in place of the built-in ones. */
export function calendarWith(entered: readonly HolidayDay[]): WorkingCalendar {
  const custom = groupByYear(entered);
  const builtin = HOLIDAY_YEARS.filter((notice) => !custom.has(notice.year));
  return new WorkingCalendar([...builtin, ...[...custom].map(([year, days]) => toScheduleYear(year, days))]);
}

/** One year as the editor shows it: the entered rows, else the built-in notice, else nothing. */
export function scheduleOf(year: number, entered: readonly HolidayDay[]): HolidayYearSchedule {
  const custom = entered.filter((day) => yearOf(day.date) === year).sort((a, b) => a.date.localeCompare(b.date));
  if (custom.length) return { year, source: 'custom', days: custom };
  const builtin = builtinDays(year);
  return builtin ? { year, source: 'builtin', days: builtin } : { year, source: 'none', days: [] };
}

/** Every year with a schedule, plus this year and the next (whose notice is the one to enter). */
export function scheduleYears(entered: readonly HolidayDay[], currentYear: number): HolidayYearSummary[] {
  const years = new Set<number>([
    currentYear,
    currentYear + 1,
    ...HOLIDAY_YEARS.map((notice) => notice.year),
    ...entered.map((day) => yearOf(day.date)),
  ]);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const { source, days } = scheduleOf(year, entered);
      return summary(year, source, days);
    });
}

function summary(year: number, source: HolidaySource, days: readonly HolidayDay[]): HolidayYearSummary {
  return {
    year,
    source,
    holidays: days.filter((day) => day.kind === 'holiday').length,
    workdays: days.filter((day) => day.kind === 'workday').length,
  };
}

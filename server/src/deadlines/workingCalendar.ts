import { HOLIDAY_YEARS, type HolidayYear } from './holidays';

/** A local date in Asia/Shanghai, `YYYY-MM-DD`. */
export type LocalDate = string;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact. */
const SHANGHAI_OFFSET = 8 * HOUR;

export function localDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

/** The Beijing wall-clock time of an instant, `HH:MM`. */
export function localTimeOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET).toISOString().slice(11, 16);
}

/** 00:00 of a local date, as an instant. */
export function startOfLocalDay(date: LocalDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET);
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * The days off that 《全国年节及纪念日放假办法》第二条 (as revised 2024-11-10) fixes on the
 * Gregorian calendar. For a year whose State Council notice is not in holidays.ts yet, these are
 * all that is known for certain: the lunar holidays (春节, 清明, 端午, 中秋), the weekday given
 * back for a holiday on a weekend and the make-up workdays come with the notice.
 */
const STATUTORY_FIXED_DAYS = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];

/**
 * Working days (工作日) of Chinese government offices: Monday to Friday, except the official
 * holidays, plus the weekend days the State Council declares working days (调休上班).
 */
export class WorkingCalendar {
  private readonly daysOff = new Set<LocalDate>();
  private readonly extraWorkdays = new Set<LocalDate>();
  private readonly years = new Set<number>();

  constructor(years: readonly Pick<HolidayYear, 'year' | 'periods' | 'makeUpWorkdays'>[]) {
    for (const year of years) {
      this.years.add(year.year);
      for (const period of year.periods) {
        for (let day = period.from; day <= period.to; day = addLocalDays(day, 1)) this.daysOff.add(day);
      }
      for (const day of year.makeUpWorkdays) this.extraWorkdays.add(day);
    }
  }

  /** Whether the official schedule of `year` is known; otherwise only the fixed statutory days are. */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: LocalDate): boolean {
    if (this.extraWorkdays.has(date)) return true;
    if (this.daysOff.has(date)) return false;
    if (!this.covers(Number(date.slice(0, 4))) && STATUTORY_FIXED_DAYS.includes(date.slice(5))) return false;
    const weekday = weekdayOf(date);
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The end (24:00) of the `days`-th working day after the day of `from`. As in 民法典
   * 第二百零一条 to 第二百零三条, the day the period starts does not count and it ends at 24:00
   * of its last day; a period of working days skips weekends and holidays on the way. Returned
   * as 23:59:59.999 so that the instant still falls on the due date.
   */
  addWorkingDays(from: Date, days: number): Date {
    let date = localDateOf(from);
    for (let counted = 0; counted < days; ) {
      date = addLocalDays(date, 1);
      if (this.isWorkingDay(date)) counted += 1;
    }
    return new Date(startOfLocalDay(addLocalDays(date, 1)).getTime() - 1);
  }

  /**
   * `hours` after `from`, where only time on working days counts: the clock stops at 24:00
   * before a weekend or holiday and starts again at 00:00 of the next working day.
   */
  addWorkingHours(from: Date, hours: number): Date {
    let remaining = hours * HOUR;
    let date = localDateOf(from);
    let cursor = from.getTime();
    for (;;) {
      const endOfDay = startOfLocalDay(addLocalDays(date, 1)).getTime();
      if (this.isWorkingDay(date)) {
        if (cursor + remaining <= endOfDay) return new Date(cursor + remaining);
        remaining -= endOfDay - cursor;
      }
      date = addLocalDays(date, 1);
      cursor = endOfDay;
    }
  }
}

export const workingCalendar = new WorkingCalendar(HOLIDAY_YEARS);

/**
 * Calendar months and days as the county lives them: Asia/Shanghai. China has kept UTC+8 all
 * year since 1991 (no daylight saving), so a fixed offset is exact and the boundaries can be
 * computed here and passed to SQL as parameters — SQLite and MySQL date functions differ,
 * plain comparisons of stored UTC instants do not.
 */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** A half-open interval of instants: start ≤ t < end. */
export interface Period {
  start: Date;
  end: Date;
}

/** Midnight China time of a YYYY-MM-DD calendar day, as an instant. */
export function startOfDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The China calendar day an instant falls on: YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The China calendar month an instant falls on: YYYY-MM. */
export function shanghaiMonth(at: Date): string {
  return shanghaiDate(at).slice(0, 7);
}

/** 2026-03 → [2026-03-01 00:00 +08:00, 2026-04-01 00:00 +08:00). */
export function monthPeriod(month: string): Period {
  const [year, monthNumber] = month.split('-').map(Number);
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return { start: startOfDay(`${month}-01`), end: startOfDay(`${next}-01`) };
}

/** Calendar days `from` to `to`, both included. */
export function daysPeriod(from: string, to: string): Period {
  return { start: startOfDay(from), end: new Date(startOfDay(to).getTime() + DAY_MS) };
}

/** Every calendar day of a period built from whole days, in order. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let at = period.start.getTime(); at < period.end.getTime(); at += DAY_MS) days.push(shanghaiDate(new Date(at)));
  return days;
}

/** Number of calendar days from `from` to `to`, both included (1 for the same day). */
export function dayCount(from: string, to: string): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS) + 1;
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function dayYearBefore(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** The calendar day `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return shanghaiDate(new Date(startOfDay(date).getTime() + days * DAY_MS));
}

/** 环比 and 同比 of a span of days: the same number of days just before, and the same days a year earlier. */
export function comparisonSpans(from: string, to: string) {
  const length = dayCount(from, to);
  return {
    previous: { from: addDays(from, -length), to: addDays(from, -1) },
    lastYear: { from: dayYearBefore(from), to: dayYearBefore(to) },
  };
}

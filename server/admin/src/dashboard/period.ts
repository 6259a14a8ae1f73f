/**
 * The dashboard's period: a calendar month, or any range of days. Everything is a China
 * calendar day (YYYY-MM-DD), as the server counts them (server/src/stats/calendar.ts).
 */
export type PeriodChoice = { kind: 'month'; month: string } | { kind: 'range'; from: string; to: string };

export interface Period {
  from: string;
  to: string;
}

/** Today in China, whatever the browser's time zone: the figures' days are China's. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  // Day 0 of the next month is the last day of this one.
  const day = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The days a choice covers; this month stops at today, so the trend has no empty future. */
export function periodOf(choice: PeriodChoice, today: string): Period {
  if (choice.kind === 'range') return { from: choice.from, to: choice.to };
  const last = lastDayOfMonth(choice.month);
  return { from: `${choice.month}-01`, to: last > today ? today : last };
}

/** The server answers at most 366 days (staffStats MAX_PERIOD_DAYS); checked here to say so before asking. */
export const MAX_PERIOD_DAYS = 366;

export function periodProblem(period: Period): string | null {
  if (period.from > period.to) return '开始日期不能晚于结束日期';
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86400_000 + 1;
  return days > MAX_PERIOD_DAYS ? `统计区间最长 ${MAX_PERIOD_DAYS} 天` : null;
}

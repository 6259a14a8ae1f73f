import type { Tier } from '@minqing/shared';
import type { Category } from '../db/entities';
import { type WorkingCalendar, workingCalendar } from './workingCalendar';

/** Defaults for a report without a category: respond within a day, resolve within a week. */
export const DEFAULT_RESPONSE_HOURS = 24;
export const DEFAULT_RESOLVE_DAYS = 7;
/**
 * Response limits up to a day run round the clock: an emergency (2 h) or a power cut (24 h)
 * reported on Friday evening must not wait for Monday. Longer ones (48 h) count working time only.
 */
export const ROUND_THE_CLOCK_MAX_HOURS = 24;

const HOUR = 3600_000;

/**
 * Deadlines run from the moment a department receives the report: the response limit in
 * hours (see ROUND_THE_CLOCK_MAX_HOURS), the resolve limit in working days ending at 24:00
 * Beijing time, on the official calendar with holidays and make-up workdays: callers pass the
 * reference data's calendar (with the schedules entered under 配置 → 节假日); the default is the
 * built-in one of holidays.ts.
 */
export function deadlinesFrom(
  from: Date,
  category: Pick<Category, 'responseHours' | 'resolveDays'> | null,
  calendar: WorkingCalendar = workingCalendar,
) {
  const responseHours = category?.responseHours ?? DEFAULT_RESPONSE_HOURS;
  const resolveDays = category?.resolveDays ?? DEFAULT_RESOLVE_DAYS;
  return {
    responseDueAt:
      responseHours <= ROUND_THE_CLOCK_MAX_HOURS
        ? new Date(from.getTime() + responseHours * HOUR)
        : calendar.addWorkingHours(from, responseHours),
    resolveDueAt: calendar.addWorkingDays(from, resolveDays),
  };
}

/** An approved extension (延期) adds working days to the current resolve deadline. */
export function extendedDeadline(resolveDueAt: Date, days: number, calendar: WorkingCalendar = workingCalendar): Date {
  return calendar.addWorkingDays(resolveDueAt, days);
}

const TIER_ORDER: Tier[] = ['general', 'difficult', 'major'];

/** Escalation (督办) moves a report up one tier; 重大 stays 重大. */
export function tierAbove(tier: Tier): Tier {
  return TIER_ORDER[Math.min(TIER_ORDER.indexOf(tier) + 1, TIER_ORDER.length - 1)];
}

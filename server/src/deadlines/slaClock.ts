import type { Tier } from '@minqing/shared';
import type { Category } from '../db/entities';

/** Defaults for a report without a category: respond within a day, resolve within a week. */
export const DEFAULT_RESPONSE_HOURS = 24;
export const DEFAULT_RESOLVE_DAYS = 7;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Deadlines run from the moment a department receives the report. Calendar days for now;
 * the working-day calendar with holidays replaces `addDays` when it lands.
 */
export function deadlinesFrom(from: Date, category: Pick<Category, 'responseHours' | 'resolveDays'> | null) {
  const responseHours = category?.responseHours ?? DEFAULT_RESPONSE_HOURS;
  const resolveDays = category?.resolveDays ?? DEFAULT_RESOLVE_DAYS;
  return {
    responseDueAt: new Date(from.getTime() + responseHours * HOUR),
    resolveDueAt: addDays(from, resolveDays),
  };
}

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY);
}

const TIER_ORDER: Tier[] = ['general', 'difficult', 'major'];

/** Escalation (督办) moves a report up one tier; 重大 stays 重大. */
export function tierAbove(tier: Tier): Tier {
  return TIER_ORDER[Math.min(TIER_ORDER.indexOf(tier) + 1, TIER_ORDER.length - 1)];
}

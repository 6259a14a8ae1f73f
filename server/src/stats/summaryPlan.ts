import { CITIZEN_ACTIONS, type ReportEventType, STAFF_ACTIONS, SYSTEM_ACTIONS } from '@minqing/shared';
import { Between, type EntityManager, In } from 'typeorm';
import { Report, ReportEvent, StatsSummarisedDay, StatsSummaryState } from '../db/entities';
import { type Period, addDays, daysOf, daysPeriod, shanghaiDate, startOfDay } from './calendar';
import { REPEAT_MATTER_MS } from './figures';
import { instantOf } from './sqlDialect';

/** The one row of stats_summary_state. */
export const SUMMARY_STATE = 'days';

/**
 * How long a command may take from its clock reading (the events' createdAt) to its commit: a
 * change is looked for this far before the last check, so one committed late is still seen.
 */
export const SETTLE_MS = 60_000;

/**
 * Events that change no column a summary reads (reportActor, deadlineSupervision): reminders,
 * 督办 (escalated, tier), replies, supplements, extension requests and refusals, and 自动办结
 * (resolved → closed, both 已办结). The scheduler writes them by the thousand; they must not
 * send days back to the live statements.
 */
const NEUTRAL_EVENTS: readonly ReportEventType[] = [
  'remind',
  'escalate',
  'reply',
  'supplement',
  'request_extension',
  'refuse_extension',
  'auto_close',
];
const EVENT_TYPES = (['submitted', ...STAFF_ACTIONS, ...CITIZEN_ACTIONS, ...SYSTEM_ACTIONS] as const).filter(
  (type) => !NEUTRAL_EVENTS.includes(type),
);
/** The events that give a report its dispatch time (route, assign, transfer) or are counted by their own (return). */
const PLACING_EVENTS: readonly ReportEventType[] = ['route', 'assign', 'transfer', 'return'];
const CHUNK = 500;

/**
 * The days a change since `since` may have moved a summary of: for every report with an event
 * since then (but NEUTRAL_EVENTS), the day it is dispatched on now and the days of its dispatches and returns before
 * (a transfer takes it out of its earlier day). Every event type is named, so the range is read
 * from the (type, createdAt) key, one range per type.
 */
export async function changedDays(manager: EntityManager, since: Date): Promise<Set<string>> {
  return changedReportDays(manager, since, 'dispatchedAt', PLACING_EVENTS);
}

/**
 * For every report with an event since `since` (but NEUTRAL_EVENTS), read in chunks: the day of its
 * `column` now and the days of its `events` before.
 */
async function changedReportDays(
  manager: EntityManager,
  since: Date,
  column: 'dispatchedAt' | 'resolvedAt',
  events: readonly ReportEventType[],
): Promise<Set<string>> {
  const changed: { reportId: string }[] = await manager
    .createQueryBuilder(ReportEvent, 'e')
    .select('DISTINCT e.reportId', 'reportId')
    .where('e.type IN (:...types) AND e.createdAt >= :since', { types: EVENT_TYPES, since })
    .getRawMany();
  const ids = changed.map((row) => row.reportId);
  const days = new Set<string>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const [reports, earlier] = await Promise.all([
      manager.find(Report, { select: { id: true, [column]: true }, where: { id: In(chunk) } }),
      manager.find(ReportEvent, {
        select: { id: true, createdAt: true },
        where: { reportId: In(chunk), type: In(events) },
      }),
    ]);
    for (const report of reports) {
      const at = report[column];
      if (at) days.add(shanghaiDate(instantOf(at)));
    }
    for (const event of earlier) days.add(shanghaiDate(instantOf(event.createdAt)));
  }
  return days;
}

/** Events that give a report a resolution time (reportActor, mergedOutcome): each is the time it set. */
const RESOLVING_EVENTS: readonly ReportEventType[] = ['resolve', 'resolve_on_spot', 'share_outcome'];
/** Events that may move a resolution a 重复反映 is matched with: a new resolution time, or another category. */
const RESOLUTION_MOVING_EVENTS: readonly ReportEventType[] = [...RESOLVING_EVENTS, 'assign', 'transfer'];

/**
 * The days whose 重复反映 (stats/repeatMatters.ts, by day of submission) a change since `since` may
 * have moved: the day every report with an event since then (but NEUTRAL_EVENTS) was submitted on,
 * and, for a report resolved anew or given another category, the days from each of its resolutions
 * (the report's resolvedAt and its resolving events) to REPEAT_MATTER_DAYS after, whose reports
 * may have repeated it.
 */
export async function changedRepeatDays(manager: EntityManager, since: Date): Promise<Set<string>> {
  const changed: { reportId: string; type: ReportEventType }[] = await manager
    .createQueryBuilder(ReportEvent, 'e')
    .select('e.reportId', 'reportId')
    .addSelect('e.type', 'type')
    .distinct(true)
    .where('e.type IN (:...types) AND e.createdAt >= :since', { types: EVENT_TYPES, since })
    .getRawMany();
  const days = new Set<string>();
  const addWindow = (resolvedAt: Date) => {
    const last = shanghaiDate(new Date(resolvedAt.getTime() + REPEAT_MATTER_MS));
    for (let day = shanghaiDate(resolvedAt); day <= last; day = addDays(day, 1)) days.add(day);
  };
  const ids = [...new Set(changed.map((row) => row.reportId))];
  const moved = new Set(
    changed.filter((row) => RESOLUTION_MOVING_EVENTS.includes(row.type)).map((row) => row.reportId),
  );
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const movedChunk = chunk.filter((id) => moved.has(id));
    const [reports, resolutions] = await Promise.all([
      manager.find(Report, { select: { id: true, createdAt: true, resolvedAt: true }, where: { id: In(chunk) } }),
      movedChunk.length === 0
        ? []
        : manager.find(ReportEvent, {
            select: { id: true, createdAt: true },
            where: { reportId: In(movedChunk), type: In(RESOLVING_EVENTS) },
          }),
    ]);
    for (const report of reports) {
      days.add(shanghaiDate(instantOf(report.createdAt)));
      if (report.resolvedAt && moved.has(report.id)) addWindow(instantOf(report.resolvedAt));
    }
    for (const event of resolutions) addWindow(instantOf(event.createdAt));
  }
  return days;
}

/**
 * The days whose 办结 by day of resolution (stats/trendDays.ts) a change since `since` may have
 * moved: for every report with an event since then (but NEUTRAL_EVENTS), the day of its resolution
 * now and the days of its resolving events — a resolution time is only ever set by one of them,
 * to its own time, so these are every resolution day it had.
 */
export async function changedResolutionDays(manager: EntityManager, since: Date): Promise<Set<string>> {
  return changedReportDays(manager, since, 'resolvedAt', RESOLVING_EVENTS);
}

export interface SummaryPlan {
  /** Whole days, in ranges, to read from the day summaries. */
  summarised: Period[];
  /** The rest of the period, in ranges, to read from the reports. */
  live: Period[];
}

const isWholeDays = (period: Period) =>
  startOfDay(shanghaiDate(period.start)).getTime() === period.start.getTime() &&
  startOfDay(shanghaiDate(period.end)).getTime() === period.end.getTime();

/** Consecutive days with the same answer, as periods. */
export function rangesOf(days: readonly string[], take: (day: string) => boolean): Period[] {
  const ranges: Period[] = [];
  let first: string | null = null;
  days.forEach((day, index) => {
    if (take(day)) first ??= day;
    if (first !== null && (!take(day) || index === days.length - 1)) {
      ranges.push(daysPeriod(first, take(day) ? day : days[index - 1]));
      first = null;
    }
  });
  return ranges;
}

/**
 * Which days of a period the summaries answer: those summarised and not changed since the
 * scheduler last looked (`changes`: changedDays for the figures, changedRepeatDays for 重复反映).
 * Before the first summary, or for a period not made of whole China days, everything is read live.
 * Plans given the same `shared` reads read the state, the summarised days and the changes once.
 */
export async function summaryPlan(
  manager: EntityManager,
  period: Period,
  changes: ChangedDays = changedDays,
  shared?: SharedPlanReads,
): Promise<SummaryPlan> {
  const days = isWholeDays(period) ? daysOf(period) : [];
  const readState = () => manager.findOneBy(StatsSummaryState, { name: SUMMARY_STATE });
  const state = days.length ? await (shared ? (shared.state ??= readState()) : readState()) : null;
  if (!state) return { summarised: [], live: [period] };
  const since = new Date(instantOf(state.checkedAt).getTime() - SETTLE_MS);
  let changedNow = shared?.changed.get(changes);
  if (!changedNow) {
    changedNow = changes(manager, since);
    shared?.changed.set(changes, changedNow);
  }
  // Shared by periods far apart: every summarised day, a row per day; alone, the period's.
  const marks = shared
    ? (shared.marks ??= manager.find(StatsSummarisedDay, { select: { day: true } }))
    : manager.find(StatsSummarisedDay, {
        select: { day: true },
        where: { day: Between(days[0], days[days.length - 1]) },
      });
  const [rows, changed] = await Promise.all([marks, changedNow]);
  const summarised = new Set(rows.map((row) => row.day));
  const usable = (day: string) => summarised.has(day) && !changed.has(day);
  return { summarised: rangesOf(days, usable), live: rangesOf(days, (day) => !usable(day)) };
}

type ChangedDays = (manager: EntityManager, since: Date) => Promise<Set<string>>;

/**
 * What the plans of one request read once for all its periods (热点研判 plans four): the job's
 * state, the summarised days, and each kind of changed days.
 */
export interface SharedPlanReads {
  state?: Promise<StatsSummaryState | null>;
  marks?: Promise<StatsSummarisedDay[]>;
  changed: Map<ChangedDays, Promise<Set<string>>>;
}

export const sharedPlanReads = (): SharedPlanReads => ({ changed: new Map() });

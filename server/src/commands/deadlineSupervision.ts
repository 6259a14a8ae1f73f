import type { EntityManager } from 'typeorm';
import { type ReportStatus, canPerform } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Report, SupervisionMark } from '../db/entities';
import type { SupervisionMarkKind } from '../db/entities/supervision';
import { isUniqueViolation } from '../db/uniqueViolation';
import { tierAbove } from '../deadlines/slaClock';
import type { DeadlineKind } from '../presenters/messageTexts';
import { notifyAutoClosed, notifyOverdueEscalation, notifyReminder } from './notifier';
import { SYSTEM_ACTOR, applyTransition } from './reportTransition';

/**
 * What the deadline scheduler does to one report, each in its own transaction: 催办 before a
 * deadline, 督办 once it is missed, and closing a resolved report nobody rated. Each re-reads
 * the report and re-checks, so a report that changed since it was picked is left alone, and
 * each writes a supervision mark first, whose primary key lets a reminder or an escalation
 * happen once per deadline even when two processes race.
 */
export type SupervisionDeps = Pick<AppDeps, 'dataSource'>;

/** Which statuses a deadline still applies to: the response limit only until someone signs. */
export const WATCHED_STATUSES: Record<DeadlineKind, readonly ReportStatus[]> = {
  response: ['dispatched', 'reopened'],
  resolve: ['dispatched', 'accepted', 'reopened'],
};

const OVERDUE_NOTES: Record<DeadlineKind, string> = {
  response: '超过签收时限未签收，系统自动督办',
  resolve: '超过办结时限未办结，系统自动督办',
};

const dueAtOf = (report: Report, deadline: DeadlineKind) =>
  deadline === 'response' ? report.responseDueAt : report.resolveDueAt;

/** Claims one reminder or escalation; false when it was done already (by this or another process). */
async function claimMark(
  manager: EntityManager,
  reportId: string,
  kind: SupervisionMarkKind,
  dueAt: Date,
  at: Date,
): Promise<boolean> {
  try {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SupervisionMark)
      .values({ reportId, kind, dueAt, createdAt: at })
      .updateEntity(false)
      .execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function loadWatched(manager: EntityManager, reportId: string, deadline: DeadlineKind) {
  const report = await manager.getRepository(Report).findOneBy({ id: reportId });
  if (!report || !WATCHED_STATUSES[deadline].includes(report.status)) return null;
  const dueAt = dueAtOf(report, deadline);
  return dueAt ? { report, dueAt } : null;
}

/** 催办: tells the department a deadline is near; the report itself does not change. */
export function remindReport(
  deps: SupervisionDeps,
  props: { reportId: string; deadline: DeadlineKind; now: Date },
): Promise<boolean> {
  const { deadline, now } = props;
  return transaction(deps.dataSource, async (manager) => {
    const watched = await loadWatched(manager, props.reportId, deadline);
    if (!watched || watched.dueAt <= now || !canPerform('system', 'remind', watched.report.status)) return false;
    const { report, dueAt } = watched;
    if (!(await claimMark(manager, report.id, `${deadline}_reminder`, dueAt, now))) return false;
    await applyTransition(manager, {
      report,
      action: 'remind',
      actor: SYSTEM_ACTOR,
      data: { deadline, dueAt: dueAt.toISOString() },
      at: now,
    });
    await notifyReminder(manager, { report, deadline, dueAt, at: now });
    return true;
  });
}

/** 督办 of a missed deadline: one tier up, flagged as escalated, the next tier's supervisors told. */
export function escalateOverdueReport(
  deps: SupervisionDeps,
  props: { reportId: string; deadline: DeadlineKind; now: Date },
): Promise<boolean> {
  const { deadline, now } = props;
  return transaction(deps.dataSource, async (manager) => {
    const watched = await loadWatched(manager, props.reportId, deadline);
    if (!watched || watched.dueAt > now || !canPerform('system', 'escalate', watched.report.status)) return false;
    const { report, dueAt } = watched;
    if (!(await claimMark(manager, report.id, `${deadline}_overdue`, dueAt, now))) return false;
    const tier = tierAbove(report.tier);
    await applyTransition(manager, {
      report,
      action: 'escalate',
      actor: SYSTEM_ACTOR,
      changes: { escalated: true, tier },
      note: OVERDUE_NOTES[deadline],
      data: { deadline, dueAt: dueAt.toISOString(), tier },
      at: now,
    });
    await notifyOverdueEscalation(manager, { report, deadline, at: now });
    return true;
  });
}

/** Closes a report resolved at least `days` days ago that the citizen has not rated (未评价). */
export function autoCloseReport(
  deps: SupervisionDeps,
  props: { reportId: string; days: number; now: Date },
): Promise<boolean> {
  const { days, now } = props;
  return transaction(deps.dataSource, async (manager) => {
    const report = await manager.getRepository(Report).findOneBy({ id: props.reportId });
    if (!report || !canPerform('system', 'auto_close', report.status) || !report.resolvedAt) return false;
    if (report.resolvedAt.getTime() > now.getTime() - days * 86400_000) return false;
    await applyTransition(manager, {
      report,
      action: 'auto_close',
      actor: SYSTEM_ACTOR,
      changes: { closedAt: now },
      data: { days },
      at: now,
    });
    await notifyAutoClosed(manager, { report, days, at: now });
    return true;
  });
}

import type { EntityManager } from 'typeorm';
import { type ReportAction, type ReportStatus, type TransitionContext, canPerform, nextStatus } from '@minqing/shared';
import type { Report } from '../db/entities';
import type { ActorType, EventData, ReportEvent } from '../db/entities/reportEvent';
import { type NewEvent, appendEvent } from './reportEvents';
import { saveReportChanges } from './reportUpdater';

/**
 * The one way a report changes status: the state machine (shared/src/domain/reportStateMachine.ts)
 * names the status an action leads to from the current one, and refuses one it does not allow.
 * The caller has already checked who may act (roles, scope, context) and turned refusals into
 * answers; reaching a refused transition here is a bug, so it throws.
 */
export function statusAfter(
  action: ReportAction,
  fromStatus: ReportStatus,
  actorType: ActorType,
  ctx: TransitionContext = {},
): ReportStatus {
  if (actorType === 'system' && !canPerform('system', action, fromStatus, ctx))
    throw new Error(`the server may not ${action} a report in status ${fromStatus}`);
  return nextStatus(action, fromStatus, ctx);
}

export interface TransitionEvent {
  reportId: string;
  action: ReportAction;
  fromStatus: ReportStatus;
  actorType: ActorType;
  actorId: string | null;
  /** The department the event is filed under. */
  departmentId: string | null;
  note?: string | null;
  data?: EventData | null;
  ctx?: TransitionContext;
  at: Date;
}

/** The timeline event of a transition, its target status taken from the state machine. */
export function transitionEvent(props: TransitionEvent): NewEvent {
  return {
    reportId: props.reportId,
    type: props.action,
    fromStatus: props.fromStatus,
    toStatus: statusAfter(props.action, props.fromStatus, props.actorType, props.ctx),
    actorType: props.actorType,
    actorId: props.actorId,
    departmentId: props.departmentId,
    note: props.note ?? null,
    data: props.data ?? null,
    at: props.at,
  };
}

/** The server itself: routing, the deadline scheduler, a merged report sharing its outcome. */
export const SYSTEM_ACTOR = { type: 'system', id: null } as const;

export interface Transition {
  report: Report;
  action: ReportAction;
  actor: { type: ActorType; id: string | null };
  /**
   * What else changes on the report, given the status it moves to. Omitted for an action that
   * changes nothing (a reminder): then only the event is written.
   */
  changes?: Partial<Report> | ((toStatus: ReportStatus) => Partial<Report>);
  /** Defaults to the report's department after the changes. */
  departmentId?: string | null;
  note?: string | null;
  data?: EventData | null;
  ctx?: TransitionContext;
  at: Date;
}

/**
 * Applies `action` to a loaded report inside the caller's transaction (`manager`): checks the
 * transition against the state machine, writes the report's new projection (optimistic version
 * check) and appends its event, so both are written or neither.
 */
export async function applyTransition(
  manager: EntityManager,
  transition: Transition,
): Promise<{ report: Report; event: ReportEvent; fromStatus: ReportStatus; toStatus: ReportStatus }> {
  const { report, action, actor, at } = transition;
  const fromStatus = report.status;
  const toStatus = statusAfter(action, fromStatus, actor.type, transition.ctx);
  if (transition.changes !== undefined || toStatus !== fromStatus) {
    const changes = typeof transition.changes === 'function' ? transition.changes(toStatus) : transition.changes;
    await saveReportChanges(
      manager,
      report,
      { ...changes, ...(toStatus !== fromStatus ? { status: toStatus } : {}) },
      at,
    );
  }
  const event = await appendEvent(manager, {
    reportId: report.id,
    type: action,
    fromStatus,
    toStatus,
    actorType: actor.type,
    actorId: actor.id,
    departmentId: transition.departmentId === undefined ? report.departmentId : transition.departmentId,
    note: transition.note ?? null,
    data: transition.data ?? null,
    at,
  });
  return { report, event, fromStatus, toStatus };
}

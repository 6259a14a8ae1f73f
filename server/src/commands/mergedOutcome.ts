import type { EntityManager } from 'typeorm';
import { Report, type Staff } from '../db/entities';
import { notifyAfterStaffAction } from './notifier';
import { SYSTEM_ACTOR, applyTransition } from './reportTransition';

/**
 * Reports merged into one share its outcome: when it is resolved, each of them is resolved with
 * the same answer, its reporter is told, and can rate it like any other.
 */
export async function shareOutcomeWithMerged(
  manager: EntityManager,
  props: { report: Report; note: string; staff: Staff; at: Date },
): Promise<void> {
  const merged = await manager.getRepository(Report).findBy({ mergedIntoId: props.report.id, status: 'merged' });
  for (const report of merged) {
    await applyTransition(manager, {
      report,
      action: 'share_outcome',
      actor: SYSTEM_ACTOR,
      changes: { departmentId: props.report.departmentId, resolvedAt: props.at, closedAt: null },
      note: props.note,
      data: { viaReportId: props.report.id, viaSerialNo: props.report.serialNo },
      at: props.at,
    });
    await notifyAfterStaffAction(manager, {
      report,
      action: 'resolve',
      note: props.note,
      staff: props.staff,
      at: props.at,
    });
  }
}

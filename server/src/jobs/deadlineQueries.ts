import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { type Dialect, dialectOf } from '../db/dataSource';
import { Report } from '../db/entities';
import type { SupervisionMarkKind } from '../db/entities/supervision';
import { WATCHED_STATUSES } from '../commands/deadlineSupervision';
import type { DeadlineKind } from '../presenters/messageTexts';

/**
 * The reports each scheduler job acts on, oldest deadline first, at most `limit`. Each scan
 * starts from a status-first index (migration Supervision: idx_reports_response_due,
 * idx_reports_resolve_due, idx_reports_resolved_at) and leaves out what a supervision mark
 * says was done already.
 */

/** Whole milliseconds between two datetime expressions: the one SQL difference between the databases here. */
const MILLISECONDS_BETWEEN: Record<Dialect, (from: string, to: string) => string> = {
  // julianday is a double with sub-millisecond resolution at today's dates; rounding makes it exact.
  sqlite: (from, to) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`,
  mysql: (from, to) => `(TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) DIV 1000)`,
};

const DUE_COLUMN: Record<DeadlineKind, string> = { response: 'report.responseDueAt', resolve: 'report.resolveDueAt' };

function notMarked(query: SelectQueryBuilder<Report>, kind: SupervisionMarkKind, dueColumn: string): void {
  query.andWhere(
    `NOT EXISTS (SELECT 1 FROM supervision_marks mark WHERE mark.reportId = report.id AND mark.kind = :markKind AND mark.dueAt = ${dueColumn})`,
    { markKind: kind },
  );
}

function watching(manager: EntityManager, deadline: DeadlineKind, limit: number): SelectQueryBuilder<Report> {
  return manager
    .getRepository(Report)
    .createQueryBuilder('report')
    .select('report.id', 'id')
    .where('report.status IN (:...statuses)', { statuses: WATCHED_STATUSES[deadline] })
    .orderBy(DUE_COLUMN[deadline], 'ASC')
    .addOrderBy('report.id', 'ASC')
    .limit(limit);
}

const idsOf = async (query: SelectQueryBuilder<Report>) =>
  (await query.getRawMany<{ id: string }>()).map((row) => row.id);

/**
 * Deadlines not yet passed of which `remindAtPercent` % of the window (from dispatch to the
 * deadline) has: 100 × (now − dispatchedAt) ≥ percent × (due − dispatchedAt).
 */
export function reportsToRemind(
  manager: EntityManager,
  props: { deadline: DeadlineKind; now: Date; remindAtPercent: number; limit: number },
) {
  const due = DUE_COLUMN[props.deadline];
  const between = MILLISECONDS_BETWEEN[dialectOf(manager.connection)];
  const query = watching(manager, props.deadline, props.limit)
    .andWhere(`${due} > :now`, { now: props.now })
    .andWhere('report.dispatchedAt IS NOT NULL')
    .andWhere(`100 * ${between('report.dispatchedAt', ':now')} >= :percent * ${between('report.dispatchedAt', due)}`, {
      percent: props.remindAtPercent,
    });
  notMarked(query, `${props.deadline}_reminder`, due);
  return idsOf(query);
}

/** Deadlines already passed that have not been escalated (督办) yet. */
export function overdueReports(manager: EntityManager, props: { deadline: DeadlineKind; now: Date; limit: number }) {
  const due = DUE_COLUMN[props.deadline];
  const query = watching(manager, props.deadline, props.limit).andWhere(`${due} <= :now`, { now: props.now });
  notMarked(query, `${props.deadline}_overdue`, due);
  return idsOf(query);
}

/** Resolved (so not rated yet) at least `days` days before `now`. */
export function reportsToAutoClose(manager: EntityManager, props: { now: Date; days: number; limit: number }) {
  const resolvedBefore = new Date(props.now.getTime() - props.days * 86400_000);
  return idsOf(
    manager
      .getRepository(Report)
      .createQueryBuilder('report')
      .select('report.id', 'id')
      .where("report.status = 'resolved'")
      .andWhere('report.resolvedAt <= :resolvedBefore', { resolvedBefore })
      .orderBy('report.resolvedAt', 'ASC')
      .addOrderBy('report.id', 'ASC')
      .limit(props.limit),
  );
}

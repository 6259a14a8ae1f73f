import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn } from './columns';

/**
 * Who runs the scheduler: one row per job group, held by one server process until `expiresAt`.
 * A process takes or renews it with a conditional write, so two can never both hold it.
 */
@Entity('scheduler_leases')
export class SchedulerLease {
  @PrimaryColumn({ type: 'varchar', length: 32 }) name!: string;
  @Column({ type: 'varchar', length: 96 }) holder!: string;
  @DateTimeColumn() expiresAt!: Date;
}

export const SUPERVISION_MARK_KINDS = [
  'response_reminder',
  'resolve_reminder',
  'response_overdue',
  'resolve_overdue',
] as const;
export type SupervisionMarkKind = (typeof SUPERVISION_MARK_KINDS)[number];

/**
 * What the scheduler has done about one deadline of a report: reminded (催办) or escalated it as
 * overdue (督办). Keyed by the deadline itself, so a new deadline (transfer, approved extension)
 * is watched afresh, and the primary key makes each reminder and escalation happen once.
 */
@Entity('supervision_marks')
export class SupervisionMark {
  @PrimaryColumn({ type: 'varchar', length: 26 }) reportId!: string;
  @PrimaryColumn({ type: 'varchar', length: 24 }) kind!: SupervisionMarkKind;
  @PrimaryColumn({ type: 'datetime', precision: 3 }) dueAt!: Date;
  @CreatedAtColumn() createdAt!: Date;
}

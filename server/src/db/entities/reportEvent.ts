import { Column, Entity, Index } from 'typeorm';
import type { ReportEventType, ReportStatus } from '@minqing/shared';
import { BoolColumn, CreatedAtColumn, IdColumn, RefColumn, jsonText } from './columns';

export type ActorType = 'citizen' | 'staff' | 'system';
export type EventData = Record<string, string | number | boolean | null>;

/** Append-only: events are never updated or deleted. */
@Entity('report_events')
@Index('idx_report_events_report', ['reportId', 'createdAt'])
@Index('idx_report_events_type', ['type', 'createdAt'])
export class ReportEvent {
  @IdColumn() id!: string;
  @RefColumn() reportId!: string;
  @Column({ type: 'varchar', length: 24 }) type!: ReportEventType;
  @Column({ type: 'varchar', length: 16, nullable: true }) fromStatus!: ReportStatus | null;
  @Column({ type: 'varchar', length: 16 }) toStatus!: ReportStatus;
  @Column({ type: 'varchar', length: 8 }) actorType!: ActorType;
  @RefColumn({ nullable: true }) actorId!: string | null;
  /** The department concerned: the one acting, or the one a report was sent to. */
  @RefColumn({ nullable: true }) departmentId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'text', nullable: true, transformer: jsonText }) data!: EventData | null;
  @BoolColumn() public!: boolean;
  @CreatedAtColumn() createdAt!: Date;
}

import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn } from './columns';

/** 内部备注: a staff member's note on a report, kept apart from its (partly public) timeline. */
@Entity('report_notes')
@Index('idx_report_notes_report', ['reportId', 'createdAt'])
export class ReportNote {
  @IdColumn() id!: string;
  @RefColumn() reportId!: string;
  @RefColumn() staffId!: string;
  @Column({ type: 'text' }) body!: string;
  @CreatedAtColumn() createdAt!: Date;
}

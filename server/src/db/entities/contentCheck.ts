import { Column, Entity, Index } from 'typeorm';
import type { CheckedField, ContentCheckStatus, ModerationState } from '@minqing/shared';
import { CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn, UpdatedAtColumn } from './columns';

/** What a check is about: a report's own text, an event's note, a citizen's nickname, or one attachment. */
export type CheckSubject = 'report' | 'event' | 'citizen' | 'attachment';

/**
 * One WeChat content-security check of one piece of citizen text or media (msg_sec_check,
 * media_check_async). The content itself stays where it was written; the row says where
 * (`subjectType`, `subjectId`, `field`), so a retry reads it from there. Queued rows are retried
 * by the scheduler with backoff (`nextAttemptAt`) until WeChat answers.
 */
@Entity('content_checks')
@Index('idx_content_checks_due', ['status', 'nextAttemptAt'])
@Index('idx_content_checks_trace', ['traceId'])
@Index('idx_content_checks_moderation', ['moderation', 'regionCode'])
@Index('idx_content_checks_report', ['reportId'])
export class ContentCheck {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 16 }) subjectType!: CheckSubject;
  @RefColumn() subjectId!: string;
  @Column({ type: 'varchar', length: 24 }) field!: CheckedField;
  /** Whose words or media: WeChat checks them against this citizen's openid. */
  @RefColumn() citizenId!: string;
  @RefColumn({ nullable: true }) reportId!: string | null;
  /** The village (or null) whose staff moderate it: a staff scope is a prefix of it. */
  @Column({ type: 'varchar', length: 15, nullable: true }) regionCode!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: ContentCheckStatus;
  @Column({ type: 'int', nullable: true }) label!: number | null;
  /** media_check_async's trace_id, which the pushed verdict names. */
  @Column({ type: 'varchar', length: 64, nullable: true }) traceId!: string | null;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @DateTimeColumn({ nullable: true }) nextAttemptAt!: Date | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) lastError!: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) moderation!: ModerationState | null;
  @RefColumn({ nullable: true }) moderatedById!: string | null;
  @DateTimeColumn({ nullable: true }) moderatedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}

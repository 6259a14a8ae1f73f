import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn, UpdatedAtColumn } from './columns';

/**
 * pending (waiting for its time) → running (claimed by one worker) → done (transcript stored) |
 * failed (attempts used up, or interrupted mid-call) | skipped (ASR cannot take the clip: old WebM,
 * too long, too large) | refused (the transcript failed content security and was not stored).
 * Anything but done leaves the report in triage, as a voice report without transcript was before.
 */
export const TRANSCRIPTION_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped', 'refused'] as const;
export type TranscriptionStatus = (typeof TRANSCRIPTION_STATUSES)[number];

/**
 * One voice clip to transcribe on the server (Tencent Cloud ASR 一句话识别), written in the
 * submission's transaction. One row per clip (unique attachment), claimed with a conditional
 * UPDATE so that two workers never send the same clip twice.
 */
@Entity('transcription_jobs')
@Index('idx_transcription_jobs_due', ['status', 'nextAttemptAt'])
export class TranscriptionJob {
  @IdColumn() id!: string;
  @RefColumn({ unique: true }) attachmentId!: string;
  @RefColumn() reportId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: TranscriptionStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @DateTimeColumn({ nullable: true }) nextAttemptAt!: Date | null;
  /** The worker that claimed it, and when: a claim left in `running` means a crash mid-call. */
  @Column({ type: 'varchar', length: 96, nullable: true }) claimedBy!: string | null;
  @DateTimeColumn({ nullable: true }) claimedAt!: Date | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) lastError!: string | null;
  /** Tencent's RequestId of the answer that gave the transcript, to trace it with them. */
  @Column({ type: 'varchar', length: 64, nullable: true }) requestId!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FollowTopic, SubscribeAnswer, SubscribeTopic } from '@minqing/shared';
import { CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn, jsonText } from './columns';

/**
 * A citizen's answers to `wx.requestSubscribeMessage` for one topic's template. Each `accept`
 * lets us send one message (one-time subscriptions); a message sent uses one.
 */
@Entity('push_subscriptions')
export class PushSubscription {
  @PrimaryColumn({ type: 'varchar', length: 26 }) citizenId!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) topic!: SubscribeTopic;
  @Column({ type: 'varchar', length: 64 }) templateId!: string;
  @Column({ type: 'varchar', length: 8 }) answer!: SubscribeAnswer;
  @Column({ type: 'int', default: 0 }) remaining!: number;
  @DateTimeColumn() updatedAt!: Date;
}

/** New notices for the citizen's village, or new articles in one category. */
@Entity('push_follows')
@Index('idx_push_follows_topic', ['topic'])
export class PushFollow {
  @PrimaryColumn({ type: 'varchar', length: 26 }) citizenId!: string;
  @PrimaryColumn({ type: 'varchar', length: 24 }) topic!: FollowTopic;
  @CreatedAtColumn() createdAt!: Date;
}

/**
 * pending → sending (claimed by one worker) → sent | refused (43101: no subscription left) |
 * failed (permanent error, attempts used up, or interrupted while sending).
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'refused', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** `data` of a subscribe message: template keyword → value. */
export type TemplateData = Record<string, { value: string }>;

/**
 * One subscribe message to send, written in the same transaction as its in-app message. It keeps
 * what to say by value name (serialNo, department, time …); the configured template decides at
 * send time which keyword shows which value.
 */
@Entity('push_outbox')
@Index('idx_push_outbox_due', ['status', 'nextAttemptAt'])
export class PushOutboxMessage {
  @IdColumn() id!: string;
  @RefColumn() citizenId!: string;
  @Column({ type: 'varchar', length: 16 }) topic!: SubscribeTopic;
  @Column({ type: 'varchar', length: 255 }) page!: string;
  @Column({ type: 'text', transformer: jsonText }) content!: Record<string, string>;
  @Column({ type: 'varchar', length: 8 }) status!: OutboxStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @DateTimeColumn() nextAttemptAt!: Date;
  /** The worker that claimed it, and when: a claim left in `sending` means a crash mid-send. */
  @Column({ type: 'varchar', length: 96, nullable: true }) claimedBy!: string | null;
  @DateTimeColumn({ nullable: true }) claimedAt!: Date | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) lastError!: string | null;
  @RefColumn({ nullable: true }) messageId!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ nullable: true }) sentAt!: Date | null;
}

import { Column, Entity, Index } from 'typeorm';
import type { MessageKind } from '@minqing/shared';
import { CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn } from './columns';

export type RecipientType = 'citizen' | 'staff';

/** An in-app message (消息中心) to one citizen or staff member, written with the change it reports. */
@Entity('messages')
@Index('idx_messages_recipient', ['recipientType', 'recipientId', 'createdAt'])
@Index('idx_messages_unread', ['recipientType', 'recipientId', 'readAt'])
export class Message {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 8 }) recipientType!: RecipientType;
  @RefColumn() recipientId!: string;
  @Column({ type: 'varchar', length: 24 }) kind!: MessageKind;
  @Column({ type: 'varchar', length: 64 }) title!: string;
  @Column({ type: 'varchar', length: 500 }) body!: string;
  @RefColumn({ nullable: true }) reportId!: string | null;
  /** What a notice_published / article_published message announces (migration 1764660000000). */
  @RefColumn({ nullable: true }) noticeId!: string | null;
  @RefColumn({ nullable: true }) articleId!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ nullable: true }) readAt!: Date | null;
}

import { Column, Entity, Index } from 'typeorm';
import type { AttachmentKind, MediaCheckState } from '@minqing/shared';
import { CreatedAtColumn, IdColumn, RefColumn } from './columns';

export type OwnerType = 'citizen' | 'staff';

/** An uploaded photo or voice clip; bound to a report (and event) once used. */
@Entity('attachments')
@Index('idx_attachments_report', ['reportId'])
export class Attachment {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 8 }) ownerType!: OwnerType;
  @RefColumn() ownerId!: string;
  @RefColumn({ nullable: true }) reportId!: string | null;
  @RefColumn({ nullable: true }) eventId!: string | null;
  /** The visit (走访) a photo was taken on; such a photo belongs to no report. */
  @RefColumn({ nullable: true }) visitId!: string | null;
  @Column({ type: 'varchar', length: 8 }) kind!: AttachmentKind;
  @Column({ type: 'varchar', length: 32 }) contentType!: string;
  @Column({ type: 'int' }) size!: number;
  @Column({ type: 'double', nullable: true }) durationSeconds!: number | null;
  @Column({ type: 'varchar', length: 128 }) storageKey!: string;
  /** WeChat content security for a citizen's media (see ContentCheck); null for staff uploads, never checked. */
  @Column({ type: 'varchar', length: 16, nullable: true }) checkStatus!: MediaCheckState | null;
  @CreatedAtColumn() createdAt!: Date;
}

import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn } from './columns';

export type ContentFileTarget = 'notice' | 'article';

/** A document (PDF, Word, Excel) attached to a notice or article; its bytes are in storage. */
@Entity('content_files')
@Index('idx_content_files_target', ['targetType', 'targetId'])
export class ContentFileRow {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 8 }) targetType!: ContentFileTarget;
  @RefColumn() targetId!: string;
  @Column({ type: 'varchar', length: 100 }) fileName!: string;
  @Column({ type: 'varchar', length: 80 }) contentType!: string;
  @Column({ type: 'int' }) size!: number;
  @Column({ type: 'varchar', length: 128 }) storageKey!: string;
  @RefColumn() uploaderId!: string;
  @CreatedAtColumn() createdAt!: Date;
}

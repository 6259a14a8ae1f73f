import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ArticleCategory, NoticeCategory, PublicationStatus } from '@minqing/shared';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn, UpdatedAtColumn, jsonText } from './columns';

@Entity('notices')
@Index('idx_notices_region', ['regionCode', 'status', 'publishedAt'])
export class Notice {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 100 }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'varchar', length: 16 }) category!: NoticeCategory;
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @BoolColumn() pinned!: boolean;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status!: PublicationStatus;
  @DateTimeColumn({ nullable: true }) publishedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) expiresAt!: Date | null;
  @Column({ type: 'int', default: 0 }) readCount!: number;
  @Column({ type: 'text', transformer: jsonText }) imageUploadIds!: string[];
  @RefColumn() authorId!: string;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}

/** One row per citizen and notice: read counts count people, not page views. */
@Entity('notice_reads')
export class NoticeRead {
  @PrimaryColumn({ type: 'varchar', length: 26 }) noticeId!: string;
  @PrimaryColumn({ type: 'varchar', length: 26 }) citizenId!: string;
  @CreatedAtColumn() createdAt!: Date;
}

@Entity('articles')
@Index('idx_articles_category', ['category', 'status', 'publishedAt'])
export class Article {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 100 }) title!: string;
  @Column({ type: 'varchar', length: 200, default: '' }) summary!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'varchar', length: 16 }) category!: ArticleCategory;
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status!: PublicationStatus;
  @DateTimeColumn({ nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'int', default: 0 }) readCount!: number;
  @RefColumn() authorId!: string;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}

import { Column, Entity, Index } from 'typeorm';
import { BoolColumn, CreatedAtColumn, IdColumn, RefColumn, UpdatedAtColumn } from './columns';

/** 答复模板: offered for reports in `regionCode` and below, of `categoryCode` (or any, when null). */
@Entity('reply_templates')
@Index('idx_reply_templates_region', ['regionCode', 'categoryCode'])
export class ReplyTemplate {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) categoryCode!: string | null;
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @Column({ type: 'varchar', length: 50 }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @BoolColumn({ default: true }) enabled!: boolean;
  /** Null for the demo seed's templates. */
  @RefColumn({ nullable: true }) createdById!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}

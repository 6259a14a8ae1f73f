import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn } from './columns';

/** A labelled example for retraining the classifier: a dispatcher's choice of category. */
@Entity('routing_examples')
@Index('idx_routing_examples_created', ['createdAt'])
export class RoutingExample {
  @IdColumn() id!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'varchar', length: 32 }) categoryCode!: string;
  /** What the classifier had predicted, to measure how often dispatchers correct it. */
  @Column({ type: 'varchar', length: 32, nullable: true }) predictedCategoryCode!: string | null;
  @RefColumn({ nullable: true }) reportId!: string | null;
  @RefColumn({ nullable: true }) staffId!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}

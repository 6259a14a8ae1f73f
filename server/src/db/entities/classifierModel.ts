import { Column, Entity, Index } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, IdColumn, jsonText } from './columns';

/** How one category fared on the fixed validation split: the model in use before, the new one after. */
export interface ClassifierClassChange {
  categoryCode: string;
  /** Validation examples of the category. */
  n: number;
  before: number | null;
  after: number;
}

/**
 * One retraining of the routing classifier from dispatchers' corrections: kept when the new
 * model is at least as accurate on the fixed validation split as the one in use, else rejected.
 */
@Entity('classifier_models')
@Index('idx_classifier_models_trained', ['trainedAt'])
export class ClassifierModelRow {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 64 }) version!: string;
  @DateTimeColumn() trainedAt!: Date;
  /** Accuracy of this model on the fixed validation split (null when the split was too small to judge). */
  @Column({ type: 'double', nullable: true }) accuracy!: number | null;
  /** Accuracy of the model in use before, on the same split. */
  @Column({ type: 'double', nullable: true }) previousAccuracy!: number | null;
  /** Examples it was trained on, of which dispatchers' corrections. */
  @Column({ type: 'int' }) examples!: number;
  @Column({ type: 'int' }) corrections!: number;
  @Column({ type: 'int' }) validationSize!: number;
  /** Whether it became the model in use. */
  @BoolColumn() kept!: boolean;
  @Column({ type: 'text', transformer: jsonText }) changes!: ClassifierClassChange[];
  /** Why it was kept or rejected, in words for the admin panel. */
  @Column({ type: 'varchar', length: 200 }) note!: string;
  @CreatedAtColumn() createdAt!: Date;
}

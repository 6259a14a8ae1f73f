import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, datetime, dialectOf, double, id, int, str, text, timestamp } from './columns';

/** Versions of the routing classifier retrained from dispatchers' corrections, kept or rejected. */
export class ClassifierModels1764770000000 implements MigrationInterface {
  name = 'ClassifierModels1764770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'classifier_models',
        columns: [
          id(),
          str('version', 64),
          datetime('trainedAt', false),
          double('accuracy'),
          double('previousAccuracy'),
          int('examples'),
          int('corrections'),
          int('validationSize'),
          bool('kept'),
          text('changes'),
          str('note', 200),
          timestamp(dialectOf(queryRunner)),
        ],
        indices: [new TableIndex({ name: 'idx_classifier_models_trained', columnNames: ['trainedAt'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('classifier_models');
  }
}

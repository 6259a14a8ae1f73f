import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { dialectOf, id, ref, str, text, timestamp } from './columns';

/** The classifier's prediction and suggestions on each report, duplicate flags, and dispatchers' corrections. */
export class Routing1764000000000 implements MigrationInterface {
  name = 'Routing1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('reports', [
      new TableColumn(str('predictedCategoryCode', 32, true)),
      new TableColumn({ name: 'predictionConfidence', type: 'double', isNullable: true }),
      new TableColumn(text('suggestions', true)),
      new TableColumn(ref('duplicateOfId', true)),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'routing_examples',
        columns: [
          id(),
          text('text'),
          str('categoryCode', 32),
          str('predictedCategoryCode', 32, true),
          ref('reportId', true),
          ref('staffId', true),
          timestamp(dialectOf(queryRunner)),
        ],
        indices: [new TableIndex({ name: 'idx_routing_examples_created', columnNames: ['createdAt'] })],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('routing_examples', true);
    for (const column of ['duplicateOfId', 'suggestions', 'predictionConfidence', 'predictedCategoryCode'])
      await queryRunner.dropColumn('reports', column);
  }
}

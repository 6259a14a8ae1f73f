import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * The duplicate search at submission reads a village's recent open reports of one category, chosen
 * or predicted: with these it reads at most its candidates, not the village's whole week.
 */
export class DuplicateSearchIndexes1764840000000 implements MigrationInterface {
  name = 'DuplicateSearchIndexes1764840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndices('reports', [
      new TableIndex({
        name: 'idx_reports_duplicates_category',
        columnNames: ['villageCode', 'categoryCode', 'createdAt'],
      }),
      new TableIndex({
        name: 'idx_reports_duplicates_predicted',
        columnNames: ['villageCode', 'predictedCategoryCode', 'createdAt'],
      }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('reports', 'idx_reports_duplicates_predicted');
    await queryRunner.dropIndex('reports', 'idx_reports_duplicates_category');
  }
}

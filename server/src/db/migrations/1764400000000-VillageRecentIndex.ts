import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * Duplicate detection compares a new report with the village's recent open ones; by township
 * it read ~19,000 rows per submission at a million reports, by village a few hundred.
 */
const index = new TableIndex({ name: 'idx_reports_village_recent', columnNames: ['villageCode', 'createdAt'] });

export class VillageRecentIndex1764400000000 implements MigrationInterface {
  name = 'VillageRecentIndex1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('reports', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('reports', index.name!);
  }
}

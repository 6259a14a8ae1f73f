import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/** A handler's dashboard reads its own department's day summaries, not every department's rows of the period. */
export class StatsSummaryDepartmentIndex1764870000000 implements MigrationInterface {
  name = 'StatsSummaryDepartmentIndex1764870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'stats_day_summaries',
      new TableIndex({ name: 'idx_stats_day_summaries_department', columnNames: ['departmentId', 'day'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('stats_day_summaries', 'idx_stats_day_summaries_department');
  }
}

import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { dialectOf, int, ref, timestamp } from './columns';

/**
 * 我也遇到: villagers follow an open report of their village instead of filing it again. The pair
 * (report, citizen) is the key, so following twice is one row; `reports.followerCount` is kept in the
 * same transaction as the rows, for the queue to sort by 热度 without counting.
 */
export class ReportFollowers1764800000000 implements MigrationInterface {
  name = 'ReportFollowers1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_followers',
        columns: [
          { ...ref('reportId'), isPrimary: true },
          { ...ref('citizenId'), isPrimary: true },
          timestamp(dialectOf(queryRunner)),
        ],
        indices: [new TableIndex({ name: 'idx_report_followers_citizen', columnNames: ['citizenId', 'createdAt'] })],
      }),
      true,
    );
    await queryRunner.addColumn('reports', new TableColumn(int('followerCount', false, 0)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('reports', 'followerCount');
    await queryRunner.dropTable('report_followers');
  }
}

import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** What rankings count without replaying every timeline: reopenings on the report, returns by event type. */
export class RankingColumns1763950000000 implements MigrationInterface {
  name = 'RankingColumns1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('reports', new TableColumn({ name: 'reopenCount', type: 'int', default: 0 }));
    await queryRunner.createIndex(
      'report_events',
      new TableIndex({ name: 'idx_report_events_type', columnNames: ['type', 'createdAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('report_events', 'idx_report_events_type');
    await queryRunner.dropColumn('reports', 'reopenCount');
  }
}

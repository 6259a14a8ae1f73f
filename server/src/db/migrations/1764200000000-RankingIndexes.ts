import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * Statistics count reports by the month they were dispatched (server/src/stats/figures.ts).
 *
 * idx_reports_stats covers every column the ranking and the staff figures read, led by
 * dispatchedAt: a month is one range of this index and the table itself is never touched.
 * With dispatchedAt alone the optimizer weighs a twelfth of the table in random row reads
 * against a full scan; on MariaDB the two costs came out within 1 % of each other at 200,000
 * rows and the plan flipped between them (120 ms vs 490 ms; seconds at a million rows).
 * Covering makes the range the only sensible plan, whatever the table's size.
 *
 * idx_reports_department_dispatched serves a handler's own figures: one department's month.
 * (The daily trends of resolutions and deadlines use Supervision's (status, resolvedAt /
 * resolveDueAt) indexes.)
 */
const STATS_COLUMNS = [
  'dispatchedAt',
  'departmentId',
  'status',
  'countyCode',
  'townshipCode',
  'villageCode',
  'categoryCode',
  'signedAt',
  'responseDueAt',
  'resolvedAt',
  'resolveDueAt',
  'rating',
  'reopenCount',
];

const indexes = [
  new TableIndex({ name: 'idx_reports_stats', columnNames: STATS_COLUMNS }),
  new TableIndex({ name: 'idx_reports_department_dispatched', columnNames: ['departmentId', 'dispatchedAt'] }),
];

export class RankingIndexes1764200000000 implements MigrationInterface {
  name = 'RankingIndexes1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of indexes) await queryRunner.createIndex('reports', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of indexes) await queryRunner.dropIndex('reports', index.name!);
  }
}

import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * Every statement behind the staff dashboard reads one index range and never the table
 * (server/src/stats; `npm run bench:stats` prints each figure at a million reports).
 *
 * - idx_reports_stats (the cohort: a period's reports by dispatch time) covers again: 回访评价
 *   (ratingOnBehalf) and the grid of a grid's scope had come after it, so every month's
 *   figures fell back to reading rows, and MariaDB chose the county's queue index over a
 *   whole county instead (seconds at a million reports).
 * - idx_reports_resolve_due and idx_reports_resolved_at, the deadline scheduler's status-first
 *   keys, carry what the backlog (open reports now, overdue among them) and the daily trends of
 *   resolutions and deadlines filter on: department, region columns, and the category the
 *   repeat matters (重复反映) match on. The scheduler's scans read the same prefix as before.
 * - idx_reports_submitted: a period's reports by submission time — today's intake, the repeat
 *   matters' candidates, 关注最多 — with the columns they filter on, for every level of region.
 */
const COHORT = [
  'dispatchedAt',
  'departmentId',
  'status',
  'countyCode',
  'townshipCode',
  'villageCode',
  'gridCode',
  'categoryCode',
  'signedAt',
  'responseDueAt',
  'resolvedAt',
  'resolveDueAt',
  'rating',
  'ratingOnBehalf',
  'reopenCount',
];
const PLACE = ['departmentId', 'countyCode', 'townshipCode', 'villageCode', 'gridCode'];

const widened = [
  {
    before: new TableIndex({
      name: 'idx_reports_stats',
      columnNames: COHORT.filter((column) => column !== 'gridCode' && column !== 'ratingOnBehalf'),
    }),
    after: new TableIndex({ name: 'idx_reports_stats', columnNames: COHORT }),
  },
  {
    before: new TableIndex({ name: 'idx_reports_resolve_due', columnNames: ['status', 'resolveDueAt'] }),
    after: new TableIndex({
      name: 'idx_reports_resolve_due',
      columnNames: ['status', 'resolveDueAt', 'resolvedAt', ...PLACE],
    }),
  },
  {
    before: new TableIndex({ name: 'idx_reports_resolved_at', columnNames: ['status', 'resolvedAt'] }),
    after: new TableIndex({
      name: 'idx_reports_resolved_at',
      columnNames: ['status', 'resolvedAt', ...PLACE, 'categoryCode'],
    }),
  },
];

const submitted = new TableIndex({
  name: 'idx_reports_submitted',
  columnNames: [
    'createdAt',
    'countyCode',
    'townshipCode',
    'villageCode',
    'gridCode',
    'departmentId',
    'status',
    'categoryCode',
    'followerCount',
  ],
});

export class StatsIndexes1764830000000 implements MigrationInterface {
  name = 'StatsIndexes1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { before, after } of widened) {
      await queryRunner.dropIndex('reports', before.name!);
      await queryRunner.createIndex('reports', after);
    }
    await queryRunner.createIndex('reports', submitted);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('reports', submitted.name!);
    for (const { before } of [...widened].reverse()) {
      await queryRunner.dropIndex('reports', before.name!);
      await queryRunner.createIndex('reports', before);
    }
  }
}

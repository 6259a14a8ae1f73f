import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { datetime, dialectOf, id, ref, str, timestamp } from './columns';

/**
 * 申请注销账号 (PIPL): one row per request, kept as a record of what was asked and when.
 * `pendingCitizenId` holds the citizen's id while the request is pending and is cleared when it
 * is handled; its unique index makes a second, concurrent request answer the pending one.
 */
const table = (queryRunner: QueryRunner): Table =>
  new Table({
    name: 'deletion_requests',
    columns: [
      id(),
      ref('citizenId'),
      str('status', 16),
      ref('pendingCitizenId', true),
      str('reason', 200, true),
      datetime('dueBy', false),
      timestamp(dialectOf(queryRunner)),
      datetime('handledAt'),
    ],
    indices: [
      new TableIndex({ name: 'uq_deletion_requests_pending', columnNames: ['pendingCitizenId'], isUnique: true }),
      new TableIndex({ name: 'idx_deletion_requests_citizen', columnNames: ['citizenId', 'createdAt'] }),
    ],
  });

export class DeletionRequests1764300000000 implements MigrationInterface {
  name = 'DeletionRequests1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(table(queryRunner), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('deletion_requests', true);
  }
}

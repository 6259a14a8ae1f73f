import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { type Dialect, datetime, dialectOf, id, ref, str, timestamp } from './columns';

const tables = (dialect: Dialect): Table[] => [
  new Table({
    name: 'messages',
    columns: [
      id(),
      str('recipientType', 8),
      ref('recipientId'),
      str('kind', 24),
      str('title', 64),
      str('body', 500),
      ref('reportId', true),
      timestamp(dialect),
      datetime('readAt'),
    ],
    indices: [
      new TableIndex({ name: 'idx_messages_recipient', columnNames: ['recipientType', 'recipientId', 'createdAt'] }),
      new TableIndex({ name: 'idx_messages_unread', columnNames: ['recipientType', 'recipientId', 'readAt'] }),
    ],
  }),
  new Table({
    name: 'scheduler_leases',
    columns: [
      { name: 'name', type: 'varchar', length: '32', isPrimary: true },
      str('holder', 96),
      datetime('expiresAt', false),
    ],
  }),
  new Table({
    name: 'supervision_marks',
    columns: [
      { name: 'reportId', type: 'varchar', length: '26', isPrimary: true },
      { name: 'kind', type: 'varchar', length: '24', isPrimary: true },
      { ...datetime('dueAt', false), isPrimary: true },
      timestamp(dialect),
    ],
  }),
];

/**
 * What the deadline scheduler scans each minute: open reports by deadline, resolved ones by
 * when they were resolved (auto-close). A status-first key keeps each scan to the rows it acts on.
 */
const reportIndexes = [
  new TableIndex({ name: 'idx_reports_response_due', columnNames: ['status', 'responseDueAt'] }),
  new TableIndex({ name: 'idx_reports_resolve_due', columnNames: ['status', 'resolveDueAt'] }),
  new TableIndex({ name: 'idx_reports_resolved_at', columnNames: ['status', 'resolvedAt'] }),
];

/** In-app messages, the scheduler's lease and what it has done about each deadline (催办, 督办). */
export class Supervision1764100000000 implements MigrationInterface {
  name = 'Supervision1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of tables(dialectOf(queryRunner))) await queryRunner.createTable(table, true);
    for (const index of reportIndexes) await queryRunner.createIndex('reports', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of reportIndexes) await queryRunner.dropIndex('reports', index.name!);
    for (const table of tables(dialectOf(queryRunner)).reverse()) await queryRunner.dropTable(table.name, true);
  }
}

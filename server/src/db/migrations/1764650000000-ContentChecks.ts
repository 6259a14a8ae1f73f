import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { datetime, dialectOf, id, int, ref, str, timestamp } from './columns';

/**
 * WeChat content security: one row per check of a citizen's text or media, the retry queue
 * when WeChat is unreachable, and the staff moderation of what WeChat held for review.
 * `attachments.checkStatus` is the media's verdict (null for staff uploads, which are not checked).
 */
const table = (queryRunner: QueryRunner): Table =>
  new Table({
    name: 'content_checks',
    columns: [
      id(),
      str('subjectType', 16),
      ref('subjectId'),
      str('field', 24),
      ref('citizenId'),
      ref('reportId', true),
      str('regionCode', 15, true),
      str('status', 16),
      int('label', true),
      str('traceId', 64, true),
      int('attempts', false, 0),
      datetime('nextAttemptAt'),
      str('lastError', 255, true),
      str('moderation', 16, true),
      ref('moderatedById', true),
      datetime('moderatedAt'),
      timestamp(dialectOf(queryRunner)),
      timestamp(dialectOf(queryRunner), 'updatedAt'),
    ],
    indices: [
      new TableIndex({ name: 'idx_content_checks_due', columnNames: ['status', 'nextAttemptAt'] }),
      new TableIndex({ name: 'idx_content_checks_trace', columnNames: ['traceId'] }),
      new TableIndex({ name: 'idx_content_checks_moderation', columnNames: ['moderation', 'regionCode'] }),
      new TableIndex({ name: 'idx_content_checks_report', columnNames: ['reportId'] }),
    ],
  });

export class ContentChecks1764650000000 implements MigrationInterface {
  name = 'ContentChecks1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(table(queryRunner), true);
    await queryRunner.addColumn('attachments', new TableColumn(str('checkStatus', 16, true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('attachments', 'checkStatus');
    await queryRunner.dropTable('content_checks', true);
  }
}

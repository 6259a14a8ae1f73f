import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, dialectOf, id, ref, str, text, timestamp } from './columns';

/**
 * 内部备注 on reports (staff only, never in the citizen's timeline) and 答复模板 per category
 * and region. Viewing a reporter's full phone number needs no table: it is an audit_logs line.
 */
export class ReportNotesAndReplyTemplates1764630000000 implements MigrationInterface {
  name = 'ReportNotesAndReplyTemplates1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'report_notes',
        columns: [id(), ref('reportId'), ref('staffId'), text('body'), timestamp(dialect)],
        indices: [new TableIndex({ name: 'idx_report_notes_report', columnNames: ['reportId', 'createdAt'] })],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'reply_templates',
        columns: [
          id(),
          str('categoryCode', 32, true),
          str('regionCode', 15),
          str('title', 50),
          text('body'),
          bool('enabled', true),
          ref('createdById', true),
          timestamp(dialect),
          timestamp(dialect, 'updatedAt'),
        ],
        indices: [new TableIndex({ name: 'idx_reply_templates_region', columnNames: ['regionCode', 'categoryCode'] })],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reply_templates', true);
    await queryRunner.dropTable('report_notes', true);
  }
}

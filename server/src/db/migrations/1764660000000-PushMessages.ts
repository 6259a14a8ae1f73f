import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { datetime, dialectOf, id, int, ref, str, text, timestamp } from './columns';

/**
 * WeChat subscribe messages: each citizen's subscriptions per topic, what they follow, and the
 * outbox the scheduler sends from. In-app messages may now announce a notice or an article.
 */
export class PushMessages1764660000000 implements MigrationInterface {
  name = 'PushMessages1764660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'push_subscriptions',
        columns: [
          { ...ref('citizenId'), isPrimary: true },
          { ...str('topic', 16), isPrimary: true },
          str('templateId', 64),
          str('answer', 8),
          int('remaining', false, 0),
          datetime('updatedAt', false),
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'push_follows',
        columns: [
          { ...ref('citizenId'), isPrimary: true },
          { ...str('topic', 24), isPrimary: true },
          timestamp(dialect),
        ],
        indices: [new TableIndex({ name: 'idx_push_follows_topic', columnNames: ['topic'] })],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'push_outbox',
        columns: [
          id(),
          ref('citizenId'),
          str('topic', 16),
          str('page', 255),
          text('content'),
          str('status', 8),
          int('attempts', false, 0),
          datetime('nextAttemptAt', false),
          str('claimedBy', 96, true),
          datetime('claimedAt'),
          str('lastError', 255, true),
          ref('messageId', true),
          timestamp(dialect),
          datetime('sentAt'),
        ],
        indices: [new TableIndex({ name: 'idx_push_outbox_due', columnNames: ['status', 'nextAttemptAt'] })],
      }),
      true,
    );
    await queryRunner.addColumns('messages', [
      new TableColumn(ref('noticeId', true)),
      new TableColumn(ref('articleId', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('messages', 'articleId');
    await queryRunner.dropColumn('messages', 'noticeId');
    await queryRunner.dropTable('push_outbox', true);
    await queryRunner.dropTable('push_follows', true);
    await queryRunner.dropTable('push_subscriptions', true);
  }
}

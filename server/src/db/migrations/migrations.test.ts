import { createTestDataSource } from '../../test/testDatabase';
import { migrations } from './index';

describe('migrations', () => {
  it('create every table and undo cleanly, then apply again', async () => {
    const dataSource = await createTestDataSource();
    const tables = [
      'regions',
      'departments',
      'staff',
      'citizens',
      'services',
      'categories',
      'routing_rules',
      'reports',
      'report_events',
      'attachments',
      'notices',
      'notice_reads',
      'articles',
      'audit_logs',
      'idempotency_keys',
      'serial_counters',
      'routing_examples',
      'messages',
      'scheduler_leases',
      'supervision_marks',
      'deputies',
      'push_subscriptions',
      'push_follows',
      'push_outbox',
      'report_notes',
      'reply_templates',
      'holiday_days',
      'content_checks',
      'content_files',
      'points_rules',
      'points_entries',
      'shop_items',
      'redemptions',
      'payouts',
      'payout_events',
      'cash_ledger',
      'report_followers',
      'stats_day_summaries',
      'stats_summarised_days',
      'stats_summary_state',
      'stats_open_deadlines',
      'stats_repeat_summaries',
      'stats_month_summaries',
      'stats_summarised_months',
    ];
    const runner = dataSource.createQueryRunner();
    for (const table of tables) expect(await runner.hasTable(table)).toBe(true);
    for (let index = 0; index < migrations.length; index++) await dataSource.undoLastMigration();
    for (const table of tables) expect(await runner.hasTable(table)).toBe(false);
    await dataSource.runMigrations();
    for (const table of tables) expect(await runner.hasTable(table)).toBe(true);
    await runner.release();
    await dataSource.destroy();
    // The whole chain down and up again: on MariaDB every DDL statement commits on its own.
  }, 120_000);
});

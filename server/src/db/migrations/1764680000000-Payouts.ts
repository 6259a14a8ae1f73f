import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { datetime, dialectOf, id, int, ref, str, timestamp } from './columns';

/** Cash rewards and subsidies through WeChat Pay: payouts, their status history, and the cash ledger. */
export class Payouts1764680000000 implements MigrationInterface {
  name = 'Payouts1764680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'payouts',
        columns: [
          id(),
          str('kind', 12),
          str('status', 20),
          int('amountFen'),
          str('remark', 32),
          ref('citizenId'),
          ref('reportId', true),
          str('month', 7, true),
          str('dedupeKey', 64, true),
          str('regionCode', 15),
          ref('proposedById'),
          ref('approvedById', true),
          str('note', 200, true),
          str('transferBillNo', 64, true),
          str('packageInfo', 512, true),
          timestamp(dialect),
          timestamp(dialect, 'updatedAt'),
          datetime('settledAt'),
        ],
        indices: [
          new TableIndex({ name: 'uq_payouts_dedupe', columnNames: ['dedupeKey'], isUnique: true }),
          new TableIndex({ name: 'idx_payouts_region', columnNames: ['regionCode', 'status', 'createdAt'] }),
          new TableIndex({ name: 'idx_payouts_citizen', columnNames: ['citizenId', 'createdAt'] }),
          new TableIndex({ name: 'idx_payouts_pending', columnNames: ['status', 'updatedAt'] }),
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'payout_events',
        columns: [
          id(),
          ref('payoutId'),
          str('fromStatus', 20, true),
          str('toStatus', 20),
          str('source', 16),
          ref('staffId', true),
          str('detail', 200, true),
          timestamp(dialect),
        ],
        indices: [new TableIndex({ name: 'idx_payout_events_payout', columnNames: ['payoutId', 'createdAt'] })],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'cash_ledger',
        columns: [
          id(),
          ref('payoutId'),
          str('kind', 12),
          ref('citizenId'),
          int('amountFen'),
          str('regionCode', 15),
          str('transferBillNo', 64, true),
          timestamp(dialect),
        ],
        indices: [
          new TableIndex({ name: 'uq_cash_ledger_payout', columnNames: ['payoutId'], isUnique: true }),
          new TableIndex({ name: 'idx_cash_ledger_region', columnNames: ['regionCode', 'createdAt'] }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['cash_ledger', 'payout_events', 'payouts']) await queryRunner.dropTable(table, true);
  }
}

import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, datetime, dialectOf, id, int, ref, str, timestamp } from './columns';

/** 治理积分: award rules per county, the append-only ledger, the 积分超市 and its redemptions. */
export class Points1764670000000 implements MigrationInterface {
  name = 'Points1764670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'points_rules',
        columns: [id(), str('regionCode', 15), str('reason', 24), int('points'), bool('enabled', true)],
        indices: [
          new TableIndex({
            name: 'uq_points_rules_region_reason',
            columnNames: ['regionCode', 'reason'],
            isUnique: true,
          }),
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'points_entries',
        columns: [
          id(),
          ref('citizenId'),
          int('delta'),
          str('reason', 24),
          str('sourceId', 64),
          str('regionCode', 15),
          str('note', 100, true),
          ref('staffId', true),
          timestamp(dialect),
        ],
        indices: [
          new TableIndex({
            name: 'uq_points_entries_source',
            columnNames: ['citizenId', 'reason', 'sourceId'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_points_entries_citizen', columnNames: ['citizenId', 'createdAt'] }),
          new TableIndex({ name: 'idx_points_entries_region', columnNames: ['regionCode', 'createdAt'] }),
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'shop_items',
        columns: [
          id(),
          str('regionCode', 15),
          str('name', 40),
          str('description', 200, true),
          int('pointsPrice'),
          int('stock'),
          bool('enabled', true),
          timestamp(dialect),
        ],
        indices: [new TableIndex({ name: 'idx_shop_items_region', columnNames: ['regionCode'] })],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'redemptions',
        columns: [
          id(),
          ref('citizenId'),
          ref('itemId'),
          str('regionCode', 15),
          str('code', 8),
          int('points'),
          str('status', 12),
          timestamp(dialect),
          datetime('fulfilledAt'),
          ref('fulfilledBy', true),
          datetime('cancelledAt'),
        ],
        indices: [
          new TableIndex({ name: 'uq_redemptions_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'idx_redemptions_citizen', columnNames: ['citizenId', 'createdAt'] }),
          new TableIndex({ name: 'idx_redemptions_region', columnNames: ['regionCode', 'status', 'createdAt'] }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['redemptions', 'shop_items', 'points_entries', 'points_rules'])
      await queryRunner.dropTable(table, true);
  }
}

import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { bool, dialectOf, str, timestamp } from './columns';

/**
 * 配置管理: regions, departments and categories can be disabled (停用) instead of deleted,
 * because reports refer to them; `holiday_days` holds operator-entered holiday schedules, whose
 * rows for a year replace the built-in schedule of deadlines/holidays.ts.
 */
const DISABLEABLE = ['regions', 'departments', 'categories'] as const;

export class Configuration1764600000000 implements MigrationInterface {
  name = 'Configuration1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of DISABLEABLE) await queryRunner.addColumn(table, new TableColumn(bool('disabled')));
    await queryRunner.createTable(
      new Table({
        name: 'holiday_days',
        columns: [
          { ...str('date', 10), isPrimary: true },
          str('kind', 16),
          str('name', 32),
          timestamp(dialectOf(queryRunner)),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('holiday_days', true);
    for (const table of DISABLEABLE) await queryRunner.dropColumn(table, 'disabled');
  }
}

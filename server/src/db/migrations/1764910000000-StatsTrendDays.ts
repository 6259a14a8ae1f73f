import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { int, str } from './columns';

const key = (name: string, length: number) => ({ ...str(name, length), isPrimary: true });
const PLACE = [key('departmentId', 26), key('countyCode', 15), key('townshipCode', 15), key('villageCode', 15)];

/**
 * The daily trend's 办结 and 超期 series of each summarised day (stats/trendDays.ts), so a month's
 * trend reads a few rows per day instead of the month's resolutions and deadlines. The days
 * summarised before have none: they are handed back to the scheduler's job, which rebuilds them
 * (meanwhile read from the reports, as before).
 */
export class StatsTrendDays1764910000000 implements MigrationInterface {
  name = 'StatsTrendDays1764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'stats_resolution_days',
        columns: [key('day', 10), ...PLACE, key('gridCode', 15), int('resolved', false, 0)],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'stats_due_days',
        columns: [key('dueDay', 10), key('day', 10), ...PLACE, key('gridCode', 15), int('overdue', false, 0)],
        indices: [new TableIndex({ name: 'idx_stats_due_days_day', columnNames: ['day'] })],
      }),
      true,
    );
    await queryRunner.query('DELETE FROM stats_summarised_days');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('stats_due_days');
    await queryRunner.dropTable('stats_resolution_days');
  }
}

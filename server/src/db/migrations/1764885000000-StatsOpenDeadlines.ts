import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { int, str } from './columns';

const key = (name: string, length: number) => ({ ...str(name, length), isPrimary: true });

/**
 * The open reports of each summarised day by the day of their resolve deadline
 * (stats/openDeadlines.ts), so a month's 超期 no longer scans the month's reports. The days
 * summarised before have none: they are handed back to the scheduler's job, which rebuilds them
 * (its first minutes read them from the reports meanwhile, as before any summary).
 */
export class StatsOpenDeadlines1764885000000 implements MigrationInterface {
  name = 'StatsOpenDeadlines1764885000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'stats_open_deadlines',
        columns: [
          key('day', 10),
          key('departmentId', 26),
          key('countyCode', 15),
          key('townshipCode', 15),
          key('villageCode', 15),
          key('gridCode', 15),
          key('categoryCode', 32),
          key('dueDay', 10),
          int('open', false, 0),
        ],
        indices: [
          new TableIndex({ name: 'idx_stats_open_deadlines_department', columnNames: ['departmentId', 'day'] }),
        ],
      }),
      true,
    );
    await queryRunner.query('DELETE FROM stats_summarised_days');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('stats_open_deadlines');
  }
}

import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { datetime, int, str } from './columns';

const key = (name: string, length: number) => ({ ...str(name, length), isPrimary: true });

/**
 * 重复反映 of each summarised day (stats/repeatMatters.ts), so a month's hot spots no longer read
 * the month's reports and resolutions. The days summarised before have none: they are handed
 * back to the scheduler's job, which rebuilds them (meanwhile read from the reports, as before).
 */
export class StatsRepeatSummaries1764890000000 implements MigrationInterface {
  name = 'StatsRepeatSummaries1764890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'stats_repeat_summaries',
        columns: [
          key('day', 10),
          key('departmentId', 26),
          key('countyCode', 15),
          key('townshipCode', 15),
          key('villageCode', 15),
          key('gridCode', 15),
          key('categoryCode', 32),
          int('repeats', false, 0),
          datetime('lastRepeatAt', false),
        ],
        indices: [
          new TableIndex({ name: 'idx_stats_repeat_summaries_department', columnNames: ['departmentId', 'day'] }),
        ],
      }),
      true,
    );
    await queryRunner.query('DELETE FROM stats_summarised_days');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('stats_repeat_summaries');
  }
}

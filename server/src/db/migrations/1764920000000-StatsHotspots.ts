import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { datetime, int, str } from './columns';

const key = (name: string, length: number) => ({ ...str(name, length), isPrimary: true });

const followedSince = new TableIndex({ name: 'idx_report_followers_created', columnNames: ['createdAt', 'reportId'] });

/**
 * 热点研判 at a month's scale (stats/hotspots.ts):
 * - stats_repeat_month_summaries, the month sums of the days' 重复反映, built with the month
 *   summaries; the months summed before are handed back to the scheduler's job, which sums them
 *   again with their repeats on its next run (meanwhile read from their days, as before);
 * - the follows by time, so 关注最多 looks only at the reports joined since the period began.
 */
export class StatsHotspots1764920000000 implements MigrationInterface {
  name = 'StatsHotspots1764920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'stats_repeat_month_summaries',
        columns: [
          key('month', 7),
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
          new TableIndex({
            name: 'idx_stats_repeat_month_summaries_department',
            columnNames: ['departmentId', 'month'],
          }),
        ],
      }),
      true,
    );
    await queryRunner.query('DELETE FROM stats_summarised_months');
    await queryRunner.createIndex('report_followers', followedSince);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('report_followers', followedSince.name!);
    await queryRunner.dropTable('stats_repeat_month_summaries');
  }
}

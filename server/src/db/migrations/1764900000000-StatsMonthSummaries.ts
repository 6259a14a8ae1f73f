import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { datetime, int, str } from './columns';

const key = (name: string, length: number) => ({ ...str(name, length), isPrimary: true });

const COUNTS = [
  'received',
  'responded',
  'resolved',
  'resolvedOnTime',
  'rated',
  'satisfied',
  'visitRated',
  'visitSatisfied',
];
const MORE_COUNTS = ['resolvedLate', 'repeatComplaints', 'returns'];

/**
 * The statistics' month summaries (stats/monthSummaries.ts): the sums of a month's day summaries,
 * one row per month and key, so a whole month of a period reads a thirtieth of the rows. The
 * scheduler's job builds them from the day summaries on its next run; until then every month is
 * read from its days, as before.
 */
export class StatsMonthSummaries1764900000000 implements MigrationInterface {
  name = 'StatsMonthSummaries1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'stats_month_summaries',
        columns: [
          key('month', 7),
          key('departmentId', 26),
          key('countyCode', 15),
          key('townshipCode', 15),
          key('villageCode', 15),
          key('gridCode', 15),
          key('categoryCode', 32),
          ...COUNTS.map((name) => int(name, false, 0)),
          { name: 'resolveMsTotal', type: 'bigint', default: 0 },
          ...MORE_COUNTS.map((name) => int(name, false, 0)),
        ],
        indices: [
          new TableIndex({ name: 'idx_stats_month_summaries_department', columnNames: ['departmentId', 'month'] }),
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({ name: 'stats_summarised_months', columns: [key('month', 7), datetime('summarisedAt', false)] }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('stats_summarised_months');
    await queryRunner.dropTable('stats_month_summaries');
  }
}

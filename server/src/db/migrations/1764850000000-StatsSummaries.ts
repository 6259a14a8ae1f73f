import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import { datetime, int, str } from './columns';

const key = (name: string, length: number): TableColumnOptions => ({ ...str(name, length), isPrimary: true });

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
 * The statistics' day summaries (stats/summaries.ts), kept by the scheduler: a period's figures
 * read a few rows per day instead of every report of the period. Plain tables, no trigger: the
 * job that already runs each minute rebuilds the days whose reports changed.
 */
export class StatsSummaries1764850000000 implements MigrationInterface {
  name = 'StatsSummaries1764850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'stats_day_summaries',
        columns: [
          key('day', 10),
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
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({ name: 'stats_summarised_days', columns: [key('day', 10), datetime('summarisedAt', false)] }),
      true,
    );
    await queryRunner.createTable(
      new Table({ name: 'stats_summary_state', columns: [key('name', 32), datetime('checkedAt', false)] }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('stats_summary_state');
    await queryRunner.dropTable('stats_summarised_days');
    await queryRunner.dropTable('stats_day_summaries');
  }
}

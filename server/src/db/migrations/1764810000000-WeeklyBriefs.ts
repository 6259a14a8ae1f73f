import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { dialectOf, id, str, text, timestamp } from './columns';

/**
 * 研判简报: one row per week and region, made by the Monday job; the unique (week, regionCode)
 * makes a second run of the same week add nothing.
 */
export class WeeklyBriefs1764810000000 implements MigrationInterface {
  name = 'WeeklyBriefs1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'weekly_briefs',
        columns: [id(), str('week', 10), str('regionCode', 15), text('content'), timestamp(dialectOf(queryRunner))],
        indices: [
          new TableIndex({ name: 'uq_weekly_briefs_week_region', columnNames: ['week', 'regionCode'], isUnique: true }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('weekly_briefs');
  }
}

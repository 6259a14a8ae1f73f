import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { bool } from './columns';

/**
 * 公开: a 民情直通 reporter may leave their report on the village board (and Open311) or switch it off.
 * Reports filed before the switch existed were never offered it: they stay off.
 */
export class ReportPublic1764780000000 implements MigrationInterface {
  name = 'ReportPublic1764780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('reports', new TableColumn(bool('public')));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('reports', 'public');
  }
}

import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { ref } from './columns';

/** 代报 from the roster: the household a report was filed for, when the filer chose it there. */
export class ReportHousehold1764730000000 implements MigrationInterface {
  name = 'ReportHousehold1764730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('reports', new TableColumn(ref('householdId', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('reports', 'householdId');
  }
}

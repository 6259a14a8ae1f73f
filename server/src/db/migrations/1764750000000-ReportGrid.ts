import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { str } from './columns';

/**
 * A report's grid (网格): the household's, or the filing grid worker's; null for the village's
 * shared matters. A grid worker's queue reads the village's reports of their grid or of none
 * (idx_reports_grid), and a citizen's report finds its household by the phone's lookup hash
 * (idx_households_phone). Reports filed before stay grid-less: every grid worker of the village sees them.
 */
const reportGrid = new TableIndex({ name: 'idx_reports_grid', columnNames: ['villageCode', 'gridCode', 'createdAt'] });
const householdPhone = new TableIndex({ name: 'idx_households_phone', columnNames: ['phoneHash'] });

export class ReportGrid1764750000000 implements MigrationInterface {
  name = 'ReportGrid1764750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('reports', new TableColumn(str('gridCode', 15, true)));
    await queryRunner.createIndex('reports', reportGrid);
    await queryRunner.createIndex('households', householdPhone);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('households', householdPhone.name!);
    await queryRunner.dropIndex('reports', reportGrid.name!);
    await queryRunner.dropColumn('reports', 'gridCode');
  }
}

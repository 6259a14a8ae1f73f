import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { id, int, ref, str } from './columns';

/**
 * 人大代表: the deputies a citizen may address through the 代表工作 service, each representing a
 * village, township or the county; a report remembers the deputy chosen (`reports.deputyId`).
 */
const table = (): Table =>
  new Table({
    name: 'deputies',
    columns: [id(), str('name', 32), str('title', 32), str('regionCode', 15), int('sortOrder', false, 0)],
    indices: [new TableIndex({ name: 'idx_deputies_region', columnNames: ['regionCode', 'sortOrder'] })],
  });

export class Deputies1764500000000 implements MigrationInterface {
  name = 'Deputies1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(table(), true);
    await queryRunner.addColumn('reports', new TableColumn(ref('deputyId', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('reports', 'deputyId');
    await queryRunner.dropTable('deputies', true);
  }
}

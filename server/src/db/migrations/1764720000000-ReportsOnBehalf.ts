import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { bool, ref, str } from './columns';

/**
 * 代报: a grid worker, cadre or 三线 member files a report for a household. The report then has
 * a citizen only when the household's phone is bound to an account; the filer, the household's
 * name and its phone (encrypted) are kept with it, and a rating the filer records after a return
 * visit (回访评价) is marked as such so the rankings count it apart.
 */
const columns = [
  ref('filedByStaffId', true),
  str('onBehalfName', 50, true),
  str('onBehalfPhoneEncrypted', 128, true),
  bool('ratingOnBehalf'),
];

export class ReportsOnBehalf1764720000000 implements MigrationInterface {
  name = 'ReportsOnBehalf1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('reports', 'citizenId', new TableColumn(ref('citizenId', true)));
    await queryRunner.addColumns(
      'reports',
      columns.map((column) => new TableColumn(column)),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [...columns].reverse()) await queryRunner.dropColumn('reports', column.name);
    // Reports filed for a household without an account have no citizen; they cannot survive the old schema.
    await queryRunner.query(
      `DELETE FROM ${queryRunner.connection.driver.escape('reports')} WHERE ${queryRunner.connection.driver.escape('citizenId')} IS NULL`,
    );
    await queryRunner.changeColumn('reports', 'citizenId', new TableColumn(ref('citizenId')));
  }
}

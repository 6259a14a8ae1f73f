import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { str } from './columns';

/**
 * A report's point records its coordinate system (gcj02 from WeChat, wgs84 from a browser), and its
 * address who wrote it (the citizen, or the geocoder from the point). Points stored before stay
 * without a system (shown as such); the addresses stored before were all the citizen's.
 */
export class LocationSystem1764820000000 implements MigrationInterface {
  name = 'LocationSystem1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('reports', [
      new TableColumn(str('coordSystem', 8, true)),
      new TableColumn(str('addressSource', 8, true)),
    ]);
    await queryRunner.query("UPDATE reports SET addressSource = 'citizen' WHERE address IS NOT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('reports', 'addressSource');
    await queryRunner.dropColumn('reports', 'coordSystem');
  }
}

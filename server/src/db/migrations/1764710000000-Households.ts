import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { datetime, dialectOf, id, int, ref, str, text, timestamp } from './columns';

/**
 * 住户 and 走访: each grid's household roster (phone encrypted, with a lookup hash), the 三线
 * member who looks after each household, and the visits logged; a photo taken on a visit
 * remembers it (`attachments.visitId`).
 */
export class Households1764710000000 implements MigrationInterface {
  name = 'Households1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'households',
        columns: [
          id(),
          str('gridCode', 15),
          str('headName', 32),
          str('address', 128),
          str('phoneEncrypted', 128, true),
          str('phoneHash', 64, true),
          int('memberCount'),
          str('tags', 255),
          ref('liaisonId', true),
          datetime('lastVisitedAt'),
          timestamp(dialect),
          timestamp(dialect, 'updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'idx_households_grid', columnNames: ['gridCode', 'headName'] }),
          new TableIndex({ name: 'idx_households_liaison', columnNames: ['liaisonId'] }),
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'visits',
        columns: [
          id(),
          ref('householdId'),
          str('gridCode', 15),
          ref('staffId'),
          text('note'),
          text('photoUploadIds'),
          datetime('visitedAt', false),
          timestamp(dialect),
        ],
        indices: [
          new TableIndex({ name: 'idx_visits_household', columnNames: ['householdId', 'visitedAt'] }),
          new TableIndex({ name: 'idx_visits_grid', columnNames: ['gridCode', 'visitedAt'] }),
          new TableIndex({ name: 'idx_visits_staff', columnNames: ['staffId', 'visitedAt'] }),
        ],
      }),
      true,
    );
    await queryRunner.addColumn('attachments', new TableColumn(ref('visitId', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('attachments', 'visitId');
    await queryRunner.dropTable('visits', true);
    await queryRunner.dropTable('households', true);
  }
}

import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { datetime, dialectOf, id, ref, str, timestamp } from './columns';

/**
 * 合作方: systems (a county's 12345 platform …) that file reports through Open311 GeoReport v2 with
 * an api_key. Only the key's SHA-256 is kept, with its first characters to tell keys apart; each
 * partner files as its own account (`citizenId`), so its requests are idempotent like a citizen's.
 */
export class Partners1764790000000 implements MigrationInterface {
  name = 'Partners1764790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'partners',
        columns: [
          id(),
          str('name', 50),
          str('keyHash', 64),
          str('keyPrefix', 16),
          ref('citizenId'),
          ref('createdById', true),
          datetime('revokedAt'),
          ref('revokedById', true),
          timestamp(dialectOf(queryRunner)),
        ],
        indices: [new TableIndex({ name: 'uq_partners_key', columnNames: ['keyHash'], isUnique: true })],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('partners');
  }
}

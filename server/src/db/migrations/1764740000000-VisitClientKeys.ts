import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { str } from './columns';

/** A visit resent on a weak signal with the same Idempotency-Key is logged once per visitor. */
export class VisitClientKeys1764740000000 implements MigrationInterface {
  name = 'VisitClientKeys1764740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('visits', [
      new TableColumn(str('clientKey', 64, true)),
      new TableColumn(str('requestHash', 64, true)),
    ]);
    await queryRunner.createIndex(
      'visits',
      new TableIndex({ name: 'uq_visits_client_key', columnNames: ['staffId', 'clientKey'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('visits', 'uq_visits_client_key');
    await queryRunner.dropColumns('visits', ['clientKey', 'requestHash']);
  }
}

import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { dialectOf, ref, str, timestamp } from './columns';

/** The 工作台 retries an action on a weak signal with the same Idempotency-Key: the server acts once. */
export class StaffActionKeys1764701300000 implements MigrationInterface {
  name = 'StaffActionKeys1764701300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'staff_action_keys',
        columns: [
          { name: 'staffId', type: 'varchar', length: '26', isPrimary: true },
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          ref('reportId'),
          str('requestHash', 64),
          timestamp(dialectOf(queryRunner)),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('staff_action_keys');
  }
}

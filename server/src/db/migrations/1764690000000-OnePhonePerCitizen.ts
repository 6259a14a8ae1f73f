import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * A phone number belongs to one citizen: volunteer points and payouts find the villager by it, and
 * two accounts behind one number made that lookup ambiguous.
 */
const lookup = new TableIndex({ name: 'idx_citizens_phone_hash', columnNames: ['phoneHash'] });
const unique = new TableIndex({ name: 'uq_citizens_phone_hash', columnNames: ['phoneHash'], isUnique: true });

export class OnePhonePerCitizen1764690000000 implements MigrationInterface {
  name = 'OnePhonePerCitizen1764690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (name: string) => queryRunner.connection.driver.escape(name);
    // A number bound twice before this rule stays with the older account; the newer one binds again.
    // The derived table lets MySQL update the table the subquery reads.
    await queryRunner.query(
      `UPDATE ${q('citizens')} SET ${q('phoneHash')} = NULL, ${q('phoneEncrypted')} = NULL WHERE ${q('id')} IN (` +
        `SELECT ${q('laterId')} FROM (SELECT later.${q('id')} AS ${q('laterId')} FROM ${q('citizens')} later ` +
        `JOIN ${q('citizens')} earlier ON earlier.${q('phoneHash')} = later.${q('phoneHash')} AND earlier.${q('id')} < later.${q('id')}) duplicates)`,
    );
    await queryRunner.dropIndex('citizens', lookup.name!);
    await queryRunner.createIndex('citizens', unique);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('citizens', unique.name!);
    await queryRunner.createIndex('citizens', lookup);
  }
}

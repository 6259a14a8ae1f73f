import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { bool } from './columns';

/**
 * Account management: a password an administrator set must be changed at the next sign-in;
 * the audit log viewer filters by who, by what was touched and by action, newest first.
 */
const AUDIT_INDEXES = [
  new TableIndex({ name: 'idx_audit_logs_username', columnNames: ['username', 'createdAt'] }),
  new TableIndex({ name: 'idx_audit_logs_target', columnNames: ['targetType', 'targetId', 'createdAt'] }),
  new TableIndex({ name: 'idx_audit_logs_action', columnNames: ['action', 'createdAt'] }),
];

export class StaffAccounts1764610000000 implements MigrationInterface {
  name = 'StaffAccounts1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('staff', new TableColumn(bool('mustChangePassword')));
    for (const index of AUDIT_INDEXES) await queryRunner.createIndex('audit_logs', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of AUDIT_INDEXES) await queryRunner.dropIndex('audit_logs', index.name as string);
    await queryRunner.dropColumn('staff', 'mustChangePassword');
  }
}

import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { dialectOf, id, int, ref, str, timestamp } from './columns';

/** 附件 of notices and articles: PDF, Word and Excel files citizens can download. */
const table = (queryRunner: QueryRunner): Table =>
  new Table({
    name: 'content_files',
    columns: [
      id(),
      str('targetType', 8),
      ref('targetId'),
      str('fileName', 100),
      str('contentType', 80),
      int('size'),
      str('storageKey', 128),
      ref('uploaderId'),
      timestamp(dialectOf(queryRunner)),
    ],
    indices: [new TableIndex({ name: 'idx_content_files_target', columnNames: ['targetType', 'targetId'] })],
  });

export class ContentFiles1764640000000 implements MigrationInterface {
  name = 'ContentFiles1764640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(table(queryRunner), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('content_files', true);
  }
}

import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { datetime, dialectOf, id, int, ref, str, timestamp } from './columns';

/**
 * Voice reports transcribed on the server (Tencent Cloud ASR 一句话识别): where each report's
 * transcript came from (`wechat` — 同声传译 on the phone; `asr` — the server), and one job row per
 * clip, claimed atomically and retried with backoff. Transcripts kept before this change came
 * from the phone.
 */
const table = (queryRunner: QueryRunner): Table =>
  new Table({
    name: 'transcription_jobs',
    columns: [
      id(),
      ref('attachmentId'),
      ref('reportId'),
      str('status', 16),
      int('attempts', false, 0),
      datetime('nextAttemptAt'),
      str('claimedBy', 96, true),
      datetime('claimedAt'),
      str('lastError', 255, true),
      str('requestId', 64, true),
      timestamp(dialectOf(queryRunner)),
      timestamp(dialectOf(queryRunner), 'updatedAt'),
    ],
    indices: [
      new TableIndex({ name: 'idx_transcription_jobs_attachment', columnNames: ['attachmentId'], isUnique: true }),
      new TableIndex({ name: 'idx_transcription_jobs_due', columnNames: ['status', 'nextAttemptAt'] }),
      new TableIndex({ name: 'idx_transcription_jobs_report', columnNames: ['reportId'] }),
    ],
  });

export class SpeechTranscripts1764760000000 implements MigrationInterface {
  name = 'SpeechTranscripts1764760000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('reports', new TableColumn(str('transcriptSource', 8, true)));
    const quote = (name: string) => queryRunner.connection.driver.escape(name);
    await queryRunner.query(
      `UPDATE ${quote('reports')} SET ${quote('transcriptSource')} = 'wechat' WHERE ${quote('transcript')} IS NOT NULL`,
    );
    await queryRunner.createTable(table(queryRunner), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('transcription_jobs', true);
    await queryRunner.dropColumn('reports', 'transcriptSource');
  }
}

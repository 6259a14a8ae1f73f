import { type EntityManager, In } from 'typeorm';
import { type Report, TranscriptionJob } from '../db/entities';

/**
 * The reports among `reports` whose clip is still waiting for or in transcription, so staff see
 * 转写中… rather than 未能转写. Only reports with a voice clip can have a job (one per clip, written
 * at submission), so a page without one asks nothing; only jobs in flight are read (the status
 * index keeps that small).
 */
export async function reportsBeingTranscribed(
  manager: EntityManager,
  reports: readonly Pick<Report, 'id' | 'voiceAttachmentId'>[],
): Promise<Set<string>> {
  const voiced = reports.filter((report) => report.voiceAttachmentId !== null).map((report) => report.id);
  if (voiced.length === 0) return new Set();
  const jobs = await manager.getRepository(TranscriptionJob).find({
    select: { reportId: true },
    where: { status: In(['pending', 'running']), reportId: In(voiced) },
  });
  return new Set(jobs.map((job) => job.reportId));
}

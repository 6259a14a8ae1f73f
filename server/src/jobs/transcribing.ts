import { type EntityManager, In } from 'typeorm';
import { TranscriptionJob } from '../db/entities';

/**
 * The reports among `reportIds` whose clip is still waiting for or in transcription, so staff see
 * 转写中… rather than 未能转写. Only jobs in flight are read (the status index keeps that small).
 */
export async function reportsBeingTranscribed(
  manager: EntityManager,
  reportIds: readonly string[],
): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const jobs = await manager.getRepository(TranscriptionJob).find({
    select: { reportId: true },
    where: { status: In(['pending', 'running']), reportId: In([...reportIds]) },
  });
  return new Set(jobs.map((job) => job.reportId));
}

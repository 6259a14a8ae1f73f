import type { EntityManager } from 'typeorm';
import { Report } from '../db/entities';
import { conflict } from '../errors';

/**
 * Writes a report's new projection only if nobody changed it since it was loaded (optimistic
 * locking on `version`): two clerks acting at once cannot both succeed.
 */
export async function saveReportChanges(
  manager: EntityManager,
  report: Report,
  changes: Partial<Report>,
  at: Date,
): Promise<Report> {
  const result = await manager
    .createQueryBuilder()
    .update(Report)
    .set({ ...changes, updatedAt: at, version: report.version + 1 })
    .where('id = :id AND version = :version', { id: report.id, version: report.version })
    .execute();
  if (result.affected === 0) throw conflict('该事项刚刚被他人处理过，请刷新后再试');
  return Object.assign(report, changes, { updatedAt: at, version: report.version + 1 });
}

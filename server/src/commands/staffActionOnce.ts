import { createHash } from 'node:crypto';
import type { ReportActionRequest } from '@minqing/shared';
import type { AppDeps } from '../context';
import { Report, StaffActionKey } from '../db/entities';
import type { Staff } from '../db/entities';
import { isUniqueViolation } from '../db/uniqueViolation';
import { conflict } from '../errors';
import { actOnReport } from './reportActor';

const hashOf = (reportId: string, request: ReportActionRequest) => createHash('sha256').update(JSON.stringify([reportId, request])).digest('hex');

/**
 * An action sent with an Idempotency-Key happens once: the same key with the same action answers
 * the report as it is now (`replayed`), the same key with another action is a 409.
 */
export async function actOnReportOnce(
  deps: AppDeps,
  props: { staff: Staff; reportId: string; request: ReportActionRequest; ip: string; idempotencyKey: string | null },
): Promise<{ report: Report; replayed: boolean }> {
  const { staff, idempotencyKey } = props;
  if (!idempotencyKey) return { report: await actOnReport(deps, props), replayed: false };
  const hash = hashOf(props.reportId, props.request);
  const keys = deps.dataSource.getRepository(StaffActionKey);
  const replay = async () => {
    const remembered = await keys.findOneBy({ staffId: staff.id, key: idempotencyKey });
    if (!remembered) return null;
    if (remembered.requestHash !== hash) throw conflict('同一个提交编号被用于不同的操作', 'Idempotency-Key');
    return { report: await deps.dataSource.getRepository(Report).findOneByOrFail({ id: remembered.reportId }), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const report = await actOnReport(deps, props);
  try {
    await keys.insert({ staffId: staff.id, key: idempotencyKey, reportId: report.id, requestHash: hash, createdAt: deps.clock() });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return { report, replayed: false };
}

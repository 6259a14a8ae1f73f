import { createHash } from 'node:crypto';
import type { ReportActionRequest } from '@minqing/shared';
import type { AppDeps } from '../context';
import { Report, StaffActionKey } from '../db/entities';
import type { Staff } from '../db/entities';
import { conflict } from '../errors';
import { actOnReport } from './reportActor';

const hashOf = (reportId: string, request: ReportActionRequest) =>
  createHash('sha256')
    .update(JSON.stringify([reportId, request]))
    .digest('hex');

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
    return {
      report: await deps.dataSource.getRepository(Report).findOneByOrFail({ id: remembered.reportId }),
      replayed: true,
    };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    // The key is written with the action: a crash leaves both or neither. Of two requests racing
    // with one key, the second fails (on the report's version or on the key) and answers as a replay.
    const report = await actOnReport(deps, {
      ...props,
      alsoWrite: (manager, acted, now) =>
        manager
          .getRepository(StaffActionKey)
          .insert({ staffId: staff.id, key: idempotencyKey, reportId: acted.id, requestHash: hash, createdAt: now })
          .then(() => undefined),
    });
    return { report, replayed: false };
  } catch (error) {
    const raced = await replay();
    if (!raced) throw error;
    return raced;
  }
}

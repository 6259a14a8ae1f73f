import { createHash } from 'node:crypto';
import type { CheckedVisitInput } from '@minqing/shared';
import type { EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { Attachment, Household, type Staff, Visit } from '../db/entities';
import { newId } from '../db/ids';
import { badRequest, conflict } from '../errors';

type VisitProps = { visitor: Staff; household: Household; input: CheckedVisitInput; now: Date };

const hashOf = (input: CheckedVisitInput) =>
  createHash('sha256')
    .update(JSON.stringify([input.householdId, input.note, input.photoUploadIds]))
    .digest('hex');

/**
 * A visit sent with an Idempotency-Key is logged once: the same key with the same visit answers
 * the visit stored (`replayed`), the same key with another visit is a 409.
 */
export async function logVisitOnce(
  manager: EntityManager,
  props: VisitProps & { clientKey: string | null },
): Promise<{ visit: Visit; replayed: boolean }> {
  const { visitor, clientKey } = props;
  if (!clientKey) return { visit: await logVisit(manager, props), replayed: false };
  const requestHash = hashOf(props.input);
  const replay = async () => {
    const stored = await manager.getRepository(Visit).findOneBy({ staffId: visitor.id, clientKey });
    if (!stored) return null;
    if (stored.requestHash !== requestHash) throw conflict('同一个提交编号被用于不同的走访', 'Idempotency-Key');
    return { visit: stored, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return { visit: await logVisit(manager, { ...props, requestHash }), replayed: false };
  } catch (error) {
    // Of two sends racing with one key, the second fails on the unique key, or on photos the first
    // has bound, and answers as a replay.
    const raced = await replay();
    if (!raced) throw error;
    return raced;
  }
}

/**
 * 走访: records a visit to a household the visitor may see (the caller checked), binds the photos
 * the visitor took there, and moves the household's last visit forward. One transaction.
 */
async function logVisit(
  manager: EntityManager,
  props: VisitProps & { clientKey?: string | null; requestHash?: string },
): Promise<Visit> {
  const { visitor, household, input, now } = props;
  return manager.transaction(async (tx) => {
    const visit = Object.assign(new Visit(), {
      id: newId(),
      householdId: household.id,
      gridCode: household.gridCode,
      staffId: visitor.id,
      note: input.note,
      photoUploadIds: input.photoUploadIds,
      visitedAt: now,
      clientKey: props.clientKey ?? null,
      requestHash: props.requestHash ?? null,
      createdAt: now,
    });
    await tx.getRepository(Visit).insert(visit);
    if (input.photoUploadIds.length) {
      const photos = tx.getRepository(Attachment);
      const free = {
        id: In(input.photoUploadIds),
        ownerType: 'staff' as const,
        ownerId: visitor.id,
        kind: 'photo' as const,
        reportId: IsNull(),
        visitId: IsNull(),
      };
      const bound = await photos.update(free, { visitId: visit.id });
      if ((bound.affected ?? 0) !== new Set(input.photoUploadIds).size)
        throw badRequest('照片无效，请重新上传', 'photoUploadIds');
    }
    await tx
      .getRepository(Household)
      .createQueryBuilder()
      .update()
      .set({ lastVisitedAt: now })
      .where('id = :id AND (lastVisitedAt IS NULL OR lastVisitedAt < :now)', { id: household.id, now })
      .execute();
    return visit;
  });
}

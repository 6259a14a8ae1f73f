import type { CheckedVisitInput } from '@minqing/shared';
import type { EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { Attachment, Household, Staff, Visit } from '../db/entities';
import { newId } from '../db/ids';
import { badRequest } from '../errors';

/**
 * 走访: records a visit to a household the visitor may see (the caller checked), binds the photos
 * the visitor took there, and moves the household's last visit forward. One transaction.
 */
export async function logVisit(manager: EntityManager, props: { visitor: Staff; household: Household; input: CheckedVisitInput; now: Date }): Promise<Visit> {
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
      createdAt: now,
    });
    await tx.getRepository(Visit).insert(visit);
    if (input.photoUploadIds.length) {
      const photos = tx.getRepository(Attachment);
      const free = { id: In(input.photoUploadIds), ownerType: 'staff' as const, ownerId: visitor.id, kind: 'photo' as const, reportId: IsNull(), visitId: IsNull() };
      const bound = await photos.update(free, { visitId: visit.id });
      if ((bound.affected ?? 0) !== new Set(input.photoUploadIds).size) throw badRequest('照片无效，请重新上传', 'photoUploadIds');
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

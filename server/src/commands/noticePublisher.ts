import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { NoticeInput, NoticePatch } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Attachment, Notice, type Staff } from '../db/entities';
import { newId } from '../db/ids';
import { badRequest } from '../errors';
import { recordAudit } from './auditRecorder';
import { type PublicationSwitch, nextPublication, publicationChangedConcurrently } from './publicationTransition';
import { assertPublishableRegion } from './publishingRegion';
import { notifyNoticePublished } from './pushNotifier';

interface StaffAct {
  staff: Staff;
  ip: string;
}

/** Only photos the author uploaded may appear in a notice: a citizen's report photo must not leak. */
async function assertOwnPhotos(manager: EntityManager, staff: Staff, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await manager
    .getRepository(Attachment)
    .countBy({ id: In(ids), ownerType: 'staff', ownerId: staff.id, kind: 'photo' });
  if (found !== ids.length) throw badRequest('图片无效，请重新上传', 'imageUploadIds');
}

/** A notice that is already expired when saved would never be seen: most likely a typo. */
function futureExpiry(expiresAt: string | null | undefined, now: Date): Date | null {
  if (!expiresAt) return null;
  const date = new Date(expiresAt);
  if (date <= now) throw badRequest('到期时间应晚于现在', 'expiresAt');
  return date;
}

/** A new notice always starts as a draft; publishing is a separate, audited step. */
export async function createNotice(deps: AppDeps, props: StaffAct & { input: NoticeInput }): Promise<Notice> {
  const { staff, input } = props;
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    await assertPublishableRegion(manager, staff, input.regionCode);
    await assertOwnPhotos(manager, staff, input.imageUploadIds);
    const notice = manager.getRepository(Notice).create({
      id: newId(),
      title: input.title,
      body: input.body,
      category: input.category,
      regionCode: input.regionCode,
      pinned: input.pinned,
      status: 'draft',
      publishedAt: null,
      expiresAt: futureExpiry(input.expiresAt, now),
      readCount: 0,
      imageUploadIds: input.imageUploadIds,
      authorId: staff.id,
      createdAt: now,
      updatedAt: now,
    });
    await manager.getRepository(Notice).insert(notice);
    await recordAudit(manager, {
      staff,
      action: 'notice.create',
      targetType: 'notice',
      targetId: notice.id,
      ip: props.ip,
      detail: notice.title,
      at: now,
    });
    return notice;
  });
}

/** Edits any status: a published notice may need a correction without being withdrawn. */
export async function reviseNotice(
  deps: AppDeps,
  props: StaffAct & { notice: Notice; patch: NoticePatch },
): Promise<Notice> {
  const { staff, notice, patch } = props;
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    if (patch.regionCode !== undefined && patch.regionCode !== notice.regionCode)
      await assertPublishableRegion(manager, staff, patch.regionCode);
    // Images already on the notice may come from a colleague; only new ones must be the editor's own.
    if (patch.imageUploadIds)
      await assertOwnPhotos(
        manager,
        staff,
        patch.imageUploadIds.filter((id) => !notice.imageUploadIds.includes(id)),
      );
    const { expiresAt, ...fields } = patch;
    const changes: Partial<Notice> = {
      ...fields,
      ...(expiresAt !== undefined ? { expiresAt: futureExpiry(expiresAt, now) } : {}),
      updatedAt: now,
    };
    await manager.getRepository(Notice).update({ id: notice.id }, changes);
    const detail = Object.keys(patch).join(',');
    await recordAudit(manager, {
      staff,
      action: 'notice.update',
      targetType: 'notice',
      targetId: notice.id,
      ip: props.ip,
      detail,
      at: now,
    });
    return manager.getRepository(Notice).merge(notice, changes);
  });
}

/**
 * Publishes or withdraws. The update is conditional on the status just checked, so of two
 * simultaneous clicks only one takes effect and one audit line is written.
 */
export async function switchNoticePublication(
  deps: AppDeps,
  props: StaffAct & { notice: Notice; action: PublicationSwitch },
): Promise<Notice> {
  const { staff, notice, action } = props;
  const now = deps.clock();
  const changes: Partial<Notice> = { ...nextPublication(action, now), updatedAt: now };
  return transaction(deps.dataSource, async (manager) => {
    const result = await manager.getRepository(Notice).update({ id: notice.id, status: notice.status }, changes);
    if (result.affected === 0) throw publicationChangedConcurrently();
    // Followers hear of a first publication only; republishing after a withdrawal is a correction.
    if (action === 'publish' && notice.publishedAt === null) await notifyNoticePublished(manager, { notice, at: now });
    await recordAudit(manager, {
      staff,
      action: `notice.${action}`,
      targetType: 'notice',
      targetId: notice.id,
      ip: props.ip,
      detail: notice.title,
      at: now,
    });
    return manager.getRepository(Notice).merge(notice, changes);
  });
}

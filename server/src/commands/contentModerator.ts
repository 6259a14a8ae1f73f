import type { ModerationDecisionRequest } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Attachment, ContentCheck, type Staff } from '../db/entities';
import { conflict, forbidden, notFound } from '../errors';
import { isWithin, levelOfCode } from '../policies/scope';

/** A moderator may decide on content written in their region; content without one is the county's. */
export function canModerate(staff: Staff, check: ContentCheck): boolean {
  return check.regionCode ? isWithin(check.regionCode, staff.regionCode) : levelOfCode(staff.regionCode) === 'county';
}

/**
 * Releases or rejects held content. Released media become visible like media WeChat passed;
 * rejected media stay hidden from everyone but staff. Text stays where it is either way: staff
 * see the decision beside it (a rejected report can then be refused through 不予受理).
 */
export function moderateContent(
  deps: Pick<AppDeps, 'dataSource' | 'clock'>,
  props: { staff: Staff; checkId: string; decision: ModerationDecisionRequest['decision'] },
) {
  return transaction(deps.dataSource, async (manager) => {
    const check = await manager.getRepository(ContentCheck).findOneBy({ id: props.checkId });
    if (!check?.moderation) throw notFound('没有找到该内容');
    if (!canModerate(props.staff, check)) throw forbidden('只能审核本辖区的内容');
    if (check.moderation !== 'held') throw conflict('该内容已审核过');
    const now = deps.clock();
    Object.assign(check, {
      moderation: props.decision === 'release' ? 'released' : 'rejected',
      moderatedById: props.staff.id,
      moderatedAt: now,
      updatedAt: now,
    });
    await manager
      .getRepository(ContentCheck)
      .update(
        { id: check.id, moderation: 'held' },
        { moderation: check.moderation, moderatedById: check.moderatedById, moderatedAt: now, updatedAt: now },
      );
    if (check.subjectType === 'attachment') {
      await manager
        .getRepository(Attachment)
        .update({ id: check.subjectId }, { checkStatus: props.decision === 'release' ? 'pass' : 'risky' });
    }
    return check;
  });
}

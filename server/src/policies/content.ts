import { PUBLICATION_ACTIONS, type PublicationAction, type StaffRole } from '@minqing/shared';
import type { Notice, Staff } from '../db/entities';
import { ancestorsOf, staffCovers } from './scope';

/** Staff who may publish notices and articles, each inside their own region subtree. */
export const PUBLISHER_ROLES = ['cadre', 'dispatcher', 'county', 'sysadmin'] as const;
/** 消息推送 is county-wide: only the county centre and sysadmins write articles. */
export const ARTICLE_PUBLISHER_ROLES = ['county', 'sysadmin'] as const;

export type PublicationKind = 'notice' | 'article';

const PUBLISHERS: Record<PublicationKind, readonly StaffRole[]> = {
  notice: PUBLISHER_ROLES,
  article: ARTICLE_PUBLISHER_ROLES,
};
const OUT_OF_SCOPE: Record<PublicationKind, string> = {
  notice: '这条公告不在您负责的区域',
  article: '这篇文章不在您负责的区域',
};

/** A notice or an article, as far as who may act on it is concerned. */
export type Publication = Pick<Notice, 'regionCode' | 'status'>;

export interface PublicationRefusal {
  status: 403 | 409;
  message: string;
}

export function staffCanPublishIn(staff: Staff, regionCode: string): boolean {
  return (PUBLISHER_ROLES as readonly string[]).includes(staff.role) && staffCovers(staff, regionCode);
}

/** Why this staff member may not open or manage the item at all: not a publisher of its kind, or outside their subtree. */
export function publicationScopeRefusal(
  staff: Staff,
  kind: PublicationKind,
  item: Publication,
): PublicationRefusal | null {
  return PUBLISHERS[kind].includes(staff.role) && staffCovers(staff, item.regionCode)
    ? null
    : { status: 403, message: OUT_OF_SCOPE[kind] };
}

/**
 * Why this staff member may not take this action on the item, or null when they may. Any
 * publisher covering the item edits it in any status (a published notice may need a correction
 * without being withdrawn), whoever wrote it; only a published item is withdrawn, only an
 * unpublished one published.
 */
export function publicationRefusal(
  staff: Staff,
  kind: PublicationKind,
  item: Publication,
  action: PublicationAction,
): PublicationRefusal | null {
  const outOfScope = publicationScopeRefusal(staff, kind, item);
  if (outOfScope) return outOfScope;
  if (action === 'publish' && item.status === 'published') return { status: 409, message: '已经发布，无需重复发布' };
  if (action === 'withdraw' && item.status !== 'published') return { status: 409, message: '尚未发布，无法撤回' };
  return null;
}

/** What the staff member may do with the item: every action `publicationRefusal` lets through. */
export function publicationAllowedActions(staff: Staff, kind: PublicationKind, item: Publication): PublicationAction[] {
  return PUBLICATION_ACTIONS.filter((action) => !publicationRefusal(staff, kind, item, action));
}

/** A citizen of a village sees what was published for the village, its township and its county. */
export function regionsVisibleFrom(villageCode: string): string[] {
  return ancestorsOf(villageCode);
}

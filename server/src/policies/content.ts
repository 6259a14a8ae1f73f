import type { Staff } from '../db/entities';
import { ancestorsOf, staffCovers } from './scope';

/** Staff who may publish notices and articles, each inside their own region subtree. */
export const PUBLISHER_ROLES = ['cadre', 'dispatcher', 'county', 'sysadmin'] as const;
/** 消息推送 is county-wide: only the county centre and sysadmins write articles. */
export const ARTICLE_PUBLISHER_ROLES = ['county', 'sysadmin'] as const;

export function staffCanPublishIn(staff: Staff, regionCode: string): boolean {
  return (PUBLISHER_ROLES as readonly string[]).includes(staff.role) && staffCovers(staff, regionCode);
}

/** A citizen of a village sees what was published for the village, its township and its county. */
export function regionsVisibleFrom(villageCode: string): string[] {
  return ancestorsOf(villageCode);
}

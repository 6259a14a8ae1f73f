import type { RegionLevel, RegionNode, StaffAbility, StaffMe } from '@minqing/shared';
import { findRegion, flattenRegions } from '../regionTree';

export type ContentKind = 'notice' | 'article';

const PUBLISHING: Record<ContentKind, StaffAbility> = { notice: 'notices', article: 'articles' };

/** Whether the server lets this account publish this kind (StaffMe.abilities). */
export function mayPublish(staff: Pick<StaffMe, 'abilities'>, kind: ContentKind): boolean {
  return staff.abilities.includes(PUBLISHING[kind]);
}

export interface ScopeOption {
  value: string;
  title: string;
  children: ScopeOption[];
}

const LEVEL_NAMES: Partial<Record<RegionLevel, string>> = { county: '全县', township: '全镇', village: '本村(社区)' };

/** Grids are left out: citizens only ever see their village, its township and the county. */
function toOption(node: RegionNode): ScopeOption {
  return {
    value: node.code,
    title: `${node.name}（${LEVEL_NAMES[node.level] ?? node.level}）`,
    children: node.children.filter((child) => child.level !== 'grid').map(toOption),
  };
}

/**
 * Where the signed-in staff member may publish, as the mirror of assertPublishableRegion
 * (server/src/commands/publishingRegion.ts): their own region and everything under it down to
 * villages. A cadre gets their village, a township dispatcher the township and its villages,
 * the county all of it. Empty when the account may not publish or the region is unknown.
 */
export function publishScopeOptions(
  tree: RegionNode[],
  staff: Pick<StaffMe, 'abilities' | 'regionCode'>,
  kind: ContentKind,
): ScopeOption[] {
  if (!mayPublish(staff, kind)) return [];
  const own = findRegion(tree, staff.regionCode);
  if (!own || own.level === 'grid') return [];
  return [toOption(own)];
}

/** The names of every region in the tree, for the list's 范围 column. */
export function regionNames(tree: RegionNode[]): Map<string, string> {
  return new Map(flattenRegions(tree).map(({ node }) => [node.code, node.name]));
}

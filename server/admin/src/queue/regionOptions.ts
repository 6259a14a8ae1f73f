import type { RegionNode } from '@minqing/shared';
import { type RegionTreeOption, findRegion, regionTreeOptions } from '../regionTree';

export type RegionOption = RegionTreeOption;

/**
 * The township/village filter's choices: the places inside the staff member's scope only (the
 * server would refuse any other with 403). A county user picks among townships and their
 * villages, a township user among its villages; a village user has nothing to narrow.
 */
export function regionOptions(tree: RegionNode[], scopeCode: string): RegionOption[] {
  const scope = findRegion(tree, scopeCode);
  return scope ? regionTreeOptions(scope.children) : [];
}

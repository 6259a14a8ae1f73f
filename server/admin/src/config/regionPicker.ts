import { type RegionNode, isWithin } from '@minqing/shared';
import { type RegionTreeOption, findRegion, regionTreeOptions } from '../regionTree';

export type TreeOption = RegionTreeOption;

/** The part of the region tree within `scopeCode` ('' for all of it), as TreeSelect options. */
export function regionOptions(tree: readonly RegionNode[], scopeCode: string): TreeOption[] {
  if (!scopeCode) return regionTreeOptions(tree);
  const scope = findRegion(tree, scopeCode);
  return scope ? regionTreeOptions([scope]) : [];
}

/** What a region below `parentCode` may be called: three more digits, and the parent's code in front. */
export function childCodeError(parentCode: string | null, code: string): string | null {
  if (!parentCode) return /^\d{6}$/.test(code) ? null : '县级区划代码为 6 位数字';
  if (!isWithin(code, parentCode) || !new RegExp(`^\\d{${parentCode.length + 3}}$`).test(code))
    return `下级区划代码应为上级代码 ${parentCode} 后加 3 位数字`;
  return null;
}

export const LEVEL_NAMES = { county: '县', township: '镇', village: '村(社区)', grid: '网格' } as const;

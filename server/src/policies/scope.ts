import type { RegionLevel } from '@minqing/shared';
import type { Staff } from '../db/entities';

/**
 * Region codes are hierarchical (610921 county, 610921100 township, 610921100201 village,
 * 610921100201001 grid), so a region's subtree is every code it prefixes.
 */
export function levelOfCode(code: string): RegionLevel {
  if (code.length <= 6) return 'county';
  if (code.length <= 9) return 'township';
  if (code.length <= 12) return 'village';
  return 'grid';
}

export function isWithin(regionCode: string, rootCode: string): boolean {
  return regionCode.startsWith(rootCode);
}

/** The chain from the county down to `code`: 610921100201 → [610921, 610921100, 610921100201]. */
export function ancestorsOf(code: string): string[] {
  return [6, 9, 12, 15].filter((length) => length <= code.length).map((length) => code.slice(0, length));
}

export function staffCovers(staff: Staff, regionCode: string): boolean {
  return isWithin(regionCode, staff.regionCode);
}

/** A staff scope and a region filter reduce to the narrower of the two; null when they do not overlap. */
export function narrowerRegion(scopeCode: string, filterCode: string | undefined): string | null {
  if (!filterCode || isWithin(scopeCode, filterCode)) return scopeCode;
  if (isWithin(filterCode, scopeCode)) return filterCode;
  return null;
}

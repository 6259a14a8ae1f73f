import type { RegionLevel } from './enums';

/**
 * Region codes are hierarchical: 610921 county, 610921100 township, 610921100201 village,
 * 610921100201001 grid — each level adds three digits to its parent's code. So a region's subtree
 * is every code it prefixes, and a code's ancestors are its prefixes. Every rule about codes is here.
 */
export const REGION_CODE_LENGTHS: Record<RegionLevel, number> = { county: 6, township: 9, village: 12, grid: 15 };

export function levelOfCode(code: string): RegionLevel {
  if (code.length <= REGION_CODE_LENGTHS.county) return 'county';
  if (code.length <= REGION_CODE_LENGTHS.township) return 'township';
  if (code.length <= REGION_CODE_LENGTHS.village) return 'village';
  return 'grid';
}

/** Whether `regionCode` lies in the subtree of `rootCode` (itself included). */
export function isWithin(regionCode: string, rootCode: string): boolean {
  return regionCode.startsWith(rootCode);
}

/** The region of `level` that `code` lies in (610921100201001, village → 610921100201); null when `code` is above it. */
export function codeAtLevel(code: string, level: RegionLevel): string | null {
  const length = REGION_CODE_LENGTHS[level];
  return code.length >= length ? code.slice(0, length) : null;
}

/** The village a grid (or the village itself) lies in: its first 12 digits. */
export function villageOf(code: string): string {
  return code.slice(0, REGION_CODE_LENGTHS.village);
}

/** The chain from the county down to `code`: 610921100201 → [610921, 610921100, 610921100201]. */
export function ancestorsOf(code: string): string[] {
  return Object.values(REGION_CODE_LENGTHS)
    .filter((length) => length <= code.length)
    .map((length) => code.slice(0, length));
}

/** The parent of a region code: 610921100201 → 610921100; a county has none. */
export function parentRegionCode(code: string): string | null {
  return code.length > REGION_CODE_LENGTHS.county ? code.slice(0, code.length - 3) : null;
}

/** A scope and a region filter reduce to the narrower of the two; null when they do not overlap. */
export function narrowerRegion(scopeCode: string, filterCode: string | undefined): string | null {
  if (!filterCode || isWithin(scopeCode, filterCode)) return scopeCode;
  if (isWithin(filterCode, scopeCode)) return filterCode;
  return null;
}

/** A SQL LIKE pattern for the codes in the subtree of `rootCode` (codes are digits: nothing to escape). */
export function subtreePattern(rootCode: string): string {
  return `${rootCode}%`;
}

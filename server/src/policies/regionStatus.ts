import type { Region } from '../db/entities';
import { ancestorsOf } from './scope';

/** Disabling (停用) a region takes its whole subtree out of use: a grid of a disabled village is disabled too. */
export function isRegionActive(regions: ReadonlyMap<string, Pick<Region, 'disabled'>>, code: string): boolean {
  return ancestorsOf(code).every((ancestor) => !regions.get(ancestor)?.disabled);
}

/** The regions still in use, for citizens' pickers. */
export function activeRegions<T extends Pick<Region, 'code' | 'disabled'>>(regions: readonly T[]): T[] {
  const byCode = new Map(regions.map((region) => [region.code, region]));
  return regions.filter((region) => isRegionActive(byCode, region.code));
}

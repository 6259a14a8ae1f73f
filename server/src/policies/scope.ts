import { isWithin } from '@minqing/shared';
import type { Staff } from '../db/entities';

/** Region-code arithmetic is shared with the clients (shared/src/domain/regionCodes.ts); the server's rules use it from here too. */
export { ancestorsOf, isWithin, levelOfCode, narrowerRegion } from '@minqing/shared';

export function staffCovers(staff: Staff, regionCode: string): boolean {
  return isWithin(regionCode, staff.regionCode);
}

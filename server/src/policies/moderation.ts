import { MODERATOR_ROLES } from '@minqing/shared';
import type { Staff } from '../db/entities';
import { isWithin, levelOfCode } from './scope';

/** Who decides on held content (shared, so the admin panel asks only when it may). */
export const MODERATORS = MODERATOR_ROLES;

/**
 * Whether a moderator's region holds content written in `regionCode`; content without a region
 * (a nickname of a citizen with no village) falls to the whole county's moderators.
 */
export function moderatorCovers(staff: Staff, regionCode: string | null): boolean {
  if (!(MODERATORS as readonly string[]).includes(staff.role)) return false;
  return regionCode === null ? levelOfCode(staff.regionCode) === 'county' : isWithin(regionCode, staff.regionCode);
}

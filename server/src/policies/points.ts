import type { RedemptionAction } from '@minqing/shared';
import type { Citizen, RedemptionRow, Staff } from '../db/entities';
import { isWithin } from './scope';

/** The village shop's keepers: items, stock and redemptions of their region. */
export const SHOP_KEEPERS = ['cadre', 'grid_worker', 'dispatcher', 'county'] as const;
/** How many points each good deed earns: set for the county. */
export const POINT_RULE_EDITORS = ['county', 'sysadmin'] as const;

/** Who cancels a redemption: the citizen their own, or staff covering the shop's region. */
export type Canceller = { citizen: Citizen } | { staff: Staff };

/** Why `by` may not cancel the redemption, or null when they may: only a redemption still waiting to be collected. */
export function redemptionCancelRefusal(
  by: Canceller,
  redemption: Pick<RedemptionRow, 'citizenId' | 'regionCode' | 'status'>,
): { status: 403 | 409; message: string } | null {
  const theirs =
    'citizen' in by ? redemption.citizenId === by.citizen.id : isWithin(redemption.regionCode, by.staff.regionCode);
  if (!theirs) return { status: 403, message: '不能取消这条兑换记录' };
  if (redemption.status !== 'reserved') return { status: 409, message: '只有待领取的兑换才能取消' };
  return null;
}

/** What `by` may do with the redemption: cancel it unless `redemptionCancelRefusal` refuses. */
export function redemptionAllowedActions(
  by: Canceller,
  redemption: Pick<RedemptionRow, 'citizenId' | 'regionCode' | 'status'>,
): RedemptionAction[] {
  return redemptionCancelRefusal(by, redemption) ? [] : ['cancel'];
}

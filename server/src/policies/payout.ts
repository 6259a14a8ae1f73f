import type { PayoutAction } from '@minqing/shared';
import type { PayoutRow, Staff } from '../db/entities';
import { isWithin } from './scope';

/** Rewards and subsidies in cash: proposed and approved by two different people among these. */
export const CASH_STAFF = ['dispatcher', 'county'] as const;

/** Why this staff member may not decide on this payout (approve or reject it), or null when they may. */
export function payoutDecisionRefusal(
  staff: Staff,
  payout: Pick<PayoutRow, 'regionCode' | 'proposedById' | 'status'>,
): { status: 403 | 409; message: string } | null {
  if (!isWithin(payout.regionCode, staff.regionCode)) return { status: 403, message: '该款项不在您的辖区' };
  if (payout.proposedById === staff.id)
    return { status: 403, message: '提出人不能审批自己提出的款项，请由另一位工作人员审批' };
  if (payout.status !== 'proposed') return { status: 409, message: '该款项已经处理过了' };
  return null;
}

/** What the staff member may do with the payout: approve or reject it while it waits, unless they proposed it. */
export function payoutAllowedActions(
  staff: Staff,
  payout: Pick<PayoutRow, 'regionCode' | 'proposedById' | 'status'>,
): PayoutAction[] {
  return payoutDecisionRefusal(staff, payout) ? [] : ['approve', 'reject'];
}

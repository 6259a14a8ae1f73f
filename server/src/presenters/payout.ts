import { PAYOUT_KIND_NAMES, PAYOUT_STATUS_NAMES } from '@minqing/shared';
import type { MyReward, Payout } from '@minqing/shared';
import type { Citizen, PayoutRow, Staff } from '../db/entities';
import { type PersonalDataCipher, maskPhone } from '../crypto/personalData';
import { payoutAllowedActions } from '../policies/payout';

export interface PayoutNames {
  citizens: Map<string, Citizen>;
  staff: Map<string, Staff>;
  serialNos: Map<string, string>;
}

/** A payout as `viewer` sees it, with what they may do with it. */
export function presentPayout(row: PayoutRow, names: PayoutNames, cipher: PersonalDataCipher, viewer: Staff): Payout {
  const citizen = names.citizens.get(row.citizenId);
  const phone = citizen?.phoneEncrypted ? cipher.decrypt(citizen.phoneEncrypted) : null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    statusName: PAYOUT_STATUS_NAMES[row.status],
    amountFen: row.amountFen,
    remark: row.remark,
    // A reward's recipient reported anonymously or not: staff see a nickname at most, never the full phone.
    recipientName: row.kind === 'reward' ? '举报人' : (citizen?.nickname ?? '网格员'),
    recipientPhone: row.kind === 'reward' || !phone ? null : maskPhone(phone),
    reportSerialNo: row.reportId ? (names.serialNos.get(row.reportId) ?? null) : null,
    month: row.month,
    proposedBy: names.staff.get(row.proposedById)?.name ?? '',
    approvedBy: row.approvedById ? (names.staff.get(row.approvedById)?.name ?? '') : null,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: payoutAllowedActions(viewer, row),
  };
}

export function presentMyReward(row: PayoutRow, merchant: { mchid: string; appid: string } | null): MyReward {
  return {
    id: row.id,
    kind: row.kind,
    kindName: PAYOUT_KIND_NAMES[row.kind],
    amountFen: row.amountFen,
    remark: row.remark,
    status: row.status,
    statusName: PAYOUT_STATUS_NAMES[row.status],
    createdAt: row.createdAt.toISOString(),
    confirm:
      row.status === 'wait_user_confirm' && row.packageInfo && merchant
        ? { mchId: merchant.mchid, appId: merchant.appid, package: row.packageInfo }
        : null,
  };
}

import { PAYOUT_STATUS_OF_TRANSFER, payoutCanMove } from '@minqing/shared';
import type { PayoutStatus } from '@minqing/shared';
import type { EntityManager } from 'typeorm';
import { CashLedgerRow, PayoutEventRow, PayoutRow } from '../../db/entities';
import { newId } from '../../db/ids';
import type { TransferBill } from '../../integrations/wechatpay/wechatPayClient';

export type PayoutSource = PayoutEventRow['source'];

/** Unpaid endings free the report (or the month) for another proposal. */
const UNPAID_ENDINGS: readonly PayoutStatus[] = ['rejected', 'failed', 'cancelled'];

/**
 * Moves a payout along its state machine with one conditional UPDATE (so a notification and the
 * reconciliation job arriving together move it once), records the event, and on success writes
 * the cash-ledger line. A move the machine does not allow (a late PROCESSING after SUCCESS, a
 * notification repeated) changes nothing. Returns whether the payout moved.
 */
export async function movePayout(
  manager: EntityManager,
  payout: PayoutRow,
  to: PayoutStatus,
  props: {
    source: PayoutSource;
    at: Date;
    staffId?: string | null;
    detail?: string | null;
    changes?: Partial<PayoutRow>;
  },
): Promise<boolean> {
  if (payout.status === to || !payoutCanMove(payout.status, to)) {
    if (props.changes?.packageInfo && payout.status === to) {
      await manager
        .getRepository(PayoutRow)
        .update({ id: payout.id, status: to }, { packageInfo: props.changes.packageInfo });
    }
    return false;
  }
  const changes: Partial<PayoutRow> = {
    ...props.changes,
    status: to,
    updatedAt: props.at,
    ...(UNPAID_ENDINGS.includes(to) ? { dedupeKey: null, packageInfo: null } : {}),
    ...(to === 'succeeded' ? { settledAt: props.at, packageInfo: null } : {}),
  };
  const result = await manager.getRepository(PayoutRow).update({ id: payout.id, status: payout.status }, changes);
  if ((result.affected ?? 0) !== 1) return false;
  await manager.getRepository(PayoutEventRow).insert({
    id: newId(),
    payoutId: payout.id,
    fromStatus: payout.status,
    toStatus: to,
    source: props.source,
    staffId: props.staffId ?? null,
    detail: props.detail?.slice(0, 200) ?? null,
    createdAt: props.at,
  });
  const moved = Object.assign(payout, changes);
  if (to === 'succeeded') {
    await manager.getRepository(CashLedgerRow).insert({
      id: newId(),
      payoutId: moved.id,
      kind: moved.kind,
      citizenId: moved.citizenId,
      amountFen: moved.amountFen,
      regionCode: moved.regionCode,
      transferBillNo: moved.transferBillNo,
      createdAt: props.at,
    });
  }
  return true;
}

/** What a transfer bill from WeChat Pay (an answer, a query or a notification) means for the payout. */
export function applyTransferBill(
  manager: EntityManager,
  payout: PayoutRow,
  bill: TransferBill,
  source: PayoutSource,
  at: Date,
): Promise<boolean> {
  const to = PAYOUT_STATUS_OF_TRANSFER[bill.state];
  if (!to) return Promise.resolve(false);
  return movePayout(manager, payout, to, {
    source,
    at,
    detail: bill.fail_reason ? `${bill.state}: ${bill.fail_reason}` : bill.state,
    changes: {
      ...(bill.transfer_bill_no ? { transferBillNo: bill.transfer_bill_no } : {}),
      ...(bill.package_info ? { packageInfo: bill.package_info } : {}),
      ...(bill.fail_reason ? { note: bill.fail_reason.slice(0, 200) } : {}),
    },
  });
}

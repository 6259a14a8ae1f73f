import { In, LessThan } from 'typeorm';
import { PAYOUT_KIND_NAMES, PAYOUT_PENDING_STATUSES } from '@minqing/shared';
import type { AppDeps } from '../../context';
import { transaction } from '../../db/dataSource';
import { Citizen, PayoutRow } from '../../db/entities';
import { WechatPayError, WechatPayUnavailable } from '../../integrations/wechatpay/wechatPayClient';
import type { TransferBill, WechatPayClient } from '../../integrations/wechatpay/wechatPayClient';
import { sceneFields } from '../../integrations/wechatpay/transferScenes';
import { applyTransferBill, movePayout } from './payoutSettlement';

type Deps = Pick<AppDeps, 'dataSource' | 'clock' | 'logger'>;

/** Codes after which the same bill can never succeed; anything else is retried by reconciliation. */
const FINAL_REFUSALS = ['PARAM_ERROR', 'INVALID_REQUEST', 'NO_AUTH', 'OPENID_MISMATCH'];

/**
 * Creates (or re-creates, under the same out_bill_no) the WeChat Pay transfer of an approved payout
 * and records WeChat Pay's answer. When WeChat Pay does not answer, or answers something we cannot
 * verify, the payout stays `sending`: the reconciliation job asks about it later, and WeChat Pay pays
 * one out_bill_no at most once however often it is sent.
 */
export async function sendPayout(deps: Deps, client: WechatPayClient, payoutId: string): Promise<PayoutRow> {
  const payout = await deps.dataSource.getRepository(PayoutRow).findOneByOrFail({ id: payoutId });
  if (payout.status !== 'sending') return payout;
  const citizen = await deps.dataSource.getRepository(Citizen).findOneByOrFail({ id: payout.citizenId });
  let bill: TransferBill;
  try {
    bill = await client.createTransfer({
      outBillNo: payout.id,
      openid: citizen.openid,
      amountFen: payout.amountFen,
      remark: payout.remark,
      ...sceneFields(client.sceneIdOf(payout.kind), {
        kind: payout.kind,
        detail: payout.kind === 'reward' ? payout.remark : `${payout.month ?? ''} ${PAYOUT_KIND_NAMES.subsidy}`,
      }),
    });
  } catch (error) {
    if (error instanceof WechatPayError && FINAL_REFUSALS.includes(error.code)) {
      await transaction(deps.dataSource, (manager) =>
        movePayout(manager, payout, 'failed', {
          source: 'wechatpay',
          at: deps.clock(),
          detail: `${error.code}: ${error.message}`,
          changes: { note: error.message.slice(0, 200) },
        }),
      );
      return payout;
    }
    if (error instanceof WechatPayError || error instanceof WechatPayUnavailable) {
      deps.logger.warn(
        { payoutId, error: error.message },
        'transfer not confirmed; reconciliation will ask WeChat Pay',
      );
      return payout;
    }
    throw error;
  }
  await transaction(deps.dataSource, async (manager) => {
    const current = await manager.getRepository(PayoutRow).findOneByOrFail({ id: payout.id });
    await applyTransferBill(manager, current, bill, 'wechatpay', deps.clock());
  });
  return deps.dataSource.getRepository(PayoutRow).findOneByOrFail({ id: payout.id });
}

/**
 * 对账: asks WeChat Pay about payouts approved but not yet final, untouched for `staleMs`. A bill
 * WeChat Pay never received is sent again under the same number. Returns how many moved or were sent.
 */
export async function reconcilePayouts(
  deps: Deps,
  client: WechatPayClient,
  options: { staleMs: number; batchSize: number },
): Promise<number> {
  const before = new Date(deps.clock().getTime() - options.staleMs);
  const pending = await deps.dataSource.getRepository(PayoutRow).find({
    where: { status: In([...PAYOUT_PENDING_STATUSES]), updatedAt: LessThan(before) },
    order: { updatedAt: 'ASC' },
    take: options.batchSize,
  });
  let handled = 0;
  for (const payout of pending) {
    try {
      const bill = await client.queryTransfer(payout.id);
      if (!bill) {
        if (payout.status === 'sending' && (await sendPayout(deps, client, payout.id)).status !== 'sending')
          handled += 1;
        continue;
      }
      const moved = await transaction(deps.dataSource, async (manager) => {
        const current = await manager.getRepository(PayoutRow).findOneByOrFail({ id: payout.id });
        return applyTransferBill(manager, current, bill, 'reconcile', deps.clock());
      });
      if (moved) handled += 1;
    } catch (error) {
      deps.logger.warn(
        { payoutId: payout.id, error: (error as Error).message },
        'reconciliation could not settle a payout; next run retries',
      );
    }
  }
  return handled;
}

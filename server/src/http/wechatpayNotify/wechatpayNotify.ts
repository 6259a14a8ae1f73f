import Router from '@koa/router';
import { TRANSFER_STATES, wechatPayRoutes } from '@minqing/shared';
import type { TransferState } from '@minqing/shared';
import type { AppContext, AppDeps, AppState } from '../../context';
import { transaction } from '../../db/dataSource';
import { PayoutRow } from '../../db/entities';
import { decryptResource, signatureProblem, wechatpayHeaders } from '../../integrations/wechatpay/signatures';
import type { TransferBill } from '../../integrations/wechatpay/wechatPayClient';
import { applyTransferBill } from '../../commands/payouts/payoutSettlement';

const UNPARSED = Symbol.for('unparsedBody');

/** WeChat Pay reads `{code, message}`; anything but 2xx makes it notify again later. */
function refuse(ctx: AppContext, status: number, message: string): void {
  ctx.status = status;
  ctx.body = { code: 'FAIL', message };
}

interface Notification {
  event_type?: string;
  resource?: { ciphertext: string; nonce: string; associated_data?: string };
}

/**
 * 商家转账回调 (MCHTRANSFER.BILL.FINISHED and friends). Public, but believed only when signed by
 * WeChat Pay's key within five minutes, and decrypted with the APIv3 key checking the GCM tag.
 * Repeats are harmless: a payout moves along its state machine at most once per state.
 */
export function wechatpayNotifyRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();

  // Answers WeChat Pay's own `{code, message}` and reads the raw body, so it is registered from the contract's method and path.
  const notify = wechatPayRoutes.transferNotify;
  router[notify.method](notify.path, async (ctx: AppContext) => {
    const config = ctx.deps.config.wechatPay;
    if (!config) return refuse(ctx, 503, 'WeChat Pay is not configured');
    const raw = ((ctx.request as { body?: Record<symbol, unknown> }).body?.[UNPARSED] as string | undefined) ?? '';
    const problem = signatureProblem(
      wechatpayHeaders((name) => ctx.get(name) || undefined),
      raw,
      { publicKey: config.platformPublicKey, id: config.platformPublicKeyId },
      ctx.deps.clock(),
    );
    if (problem) {
      ctx.deps.logger.warn({ problem }, 'refused a WeChat Pay notification');
      return refuse(ctx, 401, `signature ${problem}`);
    }
    let bill: TransferBill;
    try {
      const notification = JSON.parse(raw) as Notification;
      if (!notification.resource) throw new Error('no resource');
      bill = JSON.parse(decryptResource(notification.resource, config.apiV3Key)) as TransferBill;
    } catch {
      ctx.deps.logger.warn('refused a WeChat Pay notification that does not decrypt');
      return refuse(ctx, 400, 'resource does not decrypt');
    }
    if (!TRANSFER_STATES.includes(bill.state as TransferState) || typeof bill.out_bill_no !== 'string')
      return refuse(ctx, 400, 'unknown transfer state');
    const payout = await ctx.deps.dataSource.getRepository(PayoutRow).findOneBy({ id: bill.out_bill_no });
    // Not ours (or long gone): acknowledge, so WeChat Pay stops repeating it.
    if (payout)
      await transaction(ctx.deps.dataSource, (manager) =>
        applyTransferBill(manager, payout, bill, 'notify', ctx.deps.clock()),
      );
    ctx.status = 204;
  });

  return router;
}

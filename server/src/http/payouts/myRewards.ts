import Router from '@koa/router';
import { myRewardRoutes as routes } from '@minqing/shared';
import type { AppContext } from '../../context';
import { transaction } from '../../db/dataSource';
import { PayoutRow } from '../../db/entities';
import { notFound } from '../../errors';
import { currentCitizen } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { payClientOf } from '../../integrations/wechatpay/payClient';
import { applyTransferBill } from '../../commands/payouts/payoutSettlement';
import { presentMyReward } from '../../presenters/payout';
import { type ApiRouter, implement } from '../implement';

/** 我的奖励: payouts to the citizen, and 确认收款 through wx.requestMerchantTransfer. */
export function myRewardsRouter() {
  const router: ApiRouter = new Router();
  const merchantOf = (ctx: AppContext) => ctx.deps.config.wechatPay ?? null;

  implement(router, routes.list, async (ctx) => {
    const rows = await ctx.deps.dataSource.getRepository(PayoutRow).find({
      where: { citizenId: currentCitizen(ctx).id },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 100,
    });
    // Proposals not yet approved (or turned down) are staff business, not the citizen's.
    return rows
      .filter((row) => !['proposed', 'rejected'].includes(row.status))
      .map((row) => presentMyReward(row, merchantOf(ctx)));
  });

  /**
   * After the mini-program's confirmation page closes: the server asks WeChat Pay itself rather
   * than believing the page, and answers the reward as it now stands.
   */
  implement(router, routes.refresh, async (ctx) => {
    const id = pathId(ctx, '没有找到这笔奖励');
    const payout = await ctx.deps.dataSource
      .getRepository(PayoutRow)
      .findOneBy({ id, citizenId: currentCitizen(ctx).id });
    if (!payout || ['proposed', 'rejected'].includes(payout.status)) throw notFound('没有找到这笔奖励');
    const client = payClientOf(ctx.deps);
    const bill = client ? await client.queryTransfer(payout.id).catch(() => null) : null;
    if (bill)
      await transaction(ctx.deps.dataSource, (manager) =>
        applyTransferBill(manager, payout, bill, 'citizen', ctx.deps.clock()),
      );
    const current = await ctx.deps.dataSource.getRepository(PayoutRow).findOneByOrFail({ id: payout.id });
    return presentMyReward(current, merchantOf(ctx));
  });

  return router;
}

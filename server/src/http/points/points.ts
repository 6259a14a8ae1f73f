import Router from '@koa/router';
import { pointsRoutes as routes } from '@minqing/shared';
import { In } from 'typeorm';
import type { AppContext } from '../../context';
import { PointsEntryRow, RedemptionRow, ShopItemRow } from '../../db/entities';
import { currentCitizen } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { ancestorsOf } from '../../policies/scope';
import { balanceOf } from '../../commands/points/ledger';
import { cancelRedemption, redeem } from '../../commands/points/redemptions';
import { presentPointsEntry, presentRedemptions, presentShopItem } from '../../presenters/points';
import { type ApiRouter, implement } from '../implement';
import { pageWindow } from '../paging';

function redemptionIdOf(ctx: AppContext): string {
  return pathId(ctx, '没有找到该兑换记录');
}

/** 我的积分 and the 积分超市 of the citizen's own village (and township). */
export function pointsRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.summary, async (ctx, { query }) => {
    const citizen = currentCitizen(ctx);
    const manager = ctx.deps.dataSource.manager;
    const [rows, total] = await manager.getRepository(PointsEntryRow).findAndCount({
      where: { citizenId: citizen.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    return {
      balance: await balanceOf(manager, citizen.id),
      entries: { items: rows.map(presentPointsEntry), total, page: query.page, pageSize: query.pageSize },
    };
  });

  /** What the shops of the citizen's village and township offer; empty until a village is chosen. */
  implement(router, routes.shop, async (ctx) => {
    const citizen = currentCitizen(ctx);
    if (!citizen.villageCode) return [];
    const items = await ctx.deps.dataSource.getRepository(ShopItemRow).find({
      where: { regionCode: In(ancestorsOf(citizen.villageCode)), enabled: true },
      order: { pointsPrice: 'ASC', id: 'ASC' },
    });
    const { regions } = await ctx.deps.reference.snapshot();
    return items.map((item) => presentShopItem(item, regions));
  });

  implement(router, routes.redemptions, async (ctx, { query }) => {
    const citizen = currentCitizen(ctx);
    const [rows, total] = await ctx.deps.dataSource.getRepository(RedemptionRow).findAndCount({
      where: { citizenId: citizen.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    return {
      items: await presentRedemptions(ctx, rows, { citizen }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.redeem, async (ctx, { body }) => {
    const citizen = currentCitizen(ctx);
    const redemption = await redeem(ctx.deps, citizen, body.itemId);
    return (await presentRedemptions(ctx, [redemption], { citizen }))[0];
  });

  implement(router, routes.cancel, async (ctx) => {
    const citizen = currentCitizen(ctx);
    const redemption = await cancelRedemption(ctx.deps, redemptionIdOf(ctx), { citizen });
    return (await presentRedemptions(ctx, [redemption], { citizen }))[0];
  });

  return router;
}

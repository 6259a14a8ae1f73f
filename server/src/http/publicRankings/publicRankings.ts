import Router from '@koa/router';
import { openDataRoutes as routes } from '@minqing/shared';
import { notFound } from '../../errors';
import { type ApiRouter, implement } from '../implement';
import { shanghaiMonth } from '../../stats/calendar';
import { departmentTrend } from '../../stats/departmentTrend';
import { computeRankings, rankingMinimumOf } from '../../stats/rankings';

/**
 * 部门排行榜, public by design (PRODUCT.md §6): departments and places with their figures, no
 * sign-in, nothing about any citizen; those with fewer than RANKING_MIN_RECEIVED reports listed
 * apart as 样本不足, and each figure explained. Defaults to the current China calendar month.
 */
export function publicRankingsRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.rankings, async (ctx, { query }) => {
    const now = ctx.deps.clock();
    const lookups = await ctx.deps.reference.snapshot();
    const rankings = await computeRankings({
      manager: ctx.deps.dataSource.manager,
      lookups,
      month: query.month ?? shanghaiMonth(now),
      now,
      minReceived: rankingMinimumOf(ctx.deps.config),
    });
    // The same for everyone and slow to change: let proxies and the mini-program keep it a minute.
    ctx.set('Cache-Control', 'public, max-age=60');
    return rankings;
  });

  /** 趋势: one department's figures and rank over the last `months` months (the drill-down of the ranking page). */
  implement(router, routes.rankingTrend, async (ctx, { query }) => {
    const now = ctx.deps.clock();
    const trend = await departmentTrend({
      manager: ctx.deps.dataSource.manager,
      lookups: await ctx.deps.reference.snapshot(),
      departmentId: query.departmentId,
      month: query.month ?? shanghaiMonth(now),
      months: query.months,
      now,
      minReceived: rankingMinimumOf(ctx.deps.config),
    });
    if (!trend) throw notFound('没有找到这个部门');
    ctx.set('Cache-Control', 'public, max-age=300');
    return trend;
  });

  return router;
}

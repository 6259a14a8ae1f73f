import Router from '@koa/router';
import { RankingsQuerySchema } from '@minqing/shared';
import type { AppContext, AppDeps, AppState } from '../../context';
import { parseQuery } from '../../middleware/validate';
import { shanghaiMonth } from '../../stats/calendar';
import { computeRankings, rankingMinimumOf } from '../../stats/rankings';

/**
 * 部门排行榜, public by design (PRODUCT.md §6): departments and places with their figures, no
 * sign-in, nothing about any citizen; those with fewer than RANKING_MIN_RECEIVED reports listed
 * apart as 样本不足, and each figure explained. Defaults to the current China calendar month.
 */
export function publicRankingsRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/public' });

  router.get('/rankings', async (ctx: AppContext) => {
    const { month } = parseQuery(ctx, RankingsQuerySchema);
    const now = ctx.deps.clock();
    const lookups = await ctx.deps.reference.snapshot();
    ctx.body = await computeRankings({
      manager: ctx.deps.dataSource.manager,
      lookups,
      month: month ?? shanghaiMonth(now),
      now,
      minReceived: rankingMinimumOf(ctx.deps.config),
    });
    // The same for everyone and slow to change: let proxies and the mini-program keep it a minute.
    ctx.set('Cache-Control', 'public, max-age=60');
  });

  return router;
}

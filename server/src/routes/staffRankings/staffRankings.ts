import Router from '@koa/router';
import { StaffRankingQuerySchema } from '@minqing/shared';
import type { AppContext, AppDeps, AppState } from '../../context';
import { staffAuth } from '../../middleware/auth';
import { parseQuery } from '../../middleware/validate';
import { STATS_ROLES } from '../../policies/stats';
import { staffRanking } from './staffRanking';

/** GET /staff/stats/rankings: the dashboard's department ranking, in the member's scope. */
export function staffRankingsRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff/stats' });
  router.get('/rankings', staffAuth(STATS_ROLES), async (ctx: AppContext) => {
    ctx.body = await staffRanking(ctx, parseQuery(ctx, StaffRankingQuerySchema));
  });
  return router;
}

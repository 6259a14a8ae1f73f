import Router from '@koa/router';
import { staffStatsRoutes } from '@minqing/shared';
import { type ApiRouter, implement } from '../implement';
import { staffRanking } from './staffRanking';

/** The dashboard's department ranking, in the member's scope. */
export function staffRankingsRouter() {
  const router: ApiRouter = new Router();
  implement(router, staffStatsRoutes.rankings, (ctx, { query }) => staffRanking(ctx, query));
  return router;
}

import Router from '@koa/router';
import { staffStatsRoutes as routes } from '@minqing/shared';
import type { AppContext } from '../../context';
import { currentStaff } from '../../middleware/auth';
import { computeBreakdown } from '../../stats/breakdown';
import { hotspotDefinitions } from '../../stats/figureDefinitions';
import { FOLLOWED_MIN, HOTSPOT_MIN_COUNT, REPEAT_MATTER_DAYS } from '../../stats/figures';
import { computeHotspots } from '../../stats/hotspots';
import { computeOverview } from '../../stats/overview';
import { computeTrends } from '../../stats/trends';
import { type ApiRouter, implement } from '../implement';
import { presentScope, resolvePeriod, resolveScope } from '../../stats/statsRequest';

/**
 * Roles that supervise: dispatchers (their township), the county centre, sysadmins (figures
 * only, no citizen appears in them), and handlers for their own department. Grid workers and
 * cadres work single reports; they get 403.
 */

/** Everything a statistics request needs, resolved from the query, the signed-in member and the clock. */
async function statsRequest(ctx: AppContext, query: { from?: string; to?: string; regionCode?: string }) {
  const lookups = await ctx.deps.reference.snapshot();
  const now = ctx.deps.clock();
  const { from, to, period } = resolvePeriod(query, now);
  const scope = resolveScope(currentStaff(ctx), query.regionCode, lookups);
  return {
    lookups,
    now,
    period,
    scope,
    header: { from, to, scope: presentScope(scope, lookups) },
    manager: ctx.deps.dataSource.manager,
  };
}

export function staffStatsRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.overview, async (ctx, { query }) => {
    const request = await statsRequest(ctx, query);
    return { ...request.header, ...(await computeOverview(request)) };
  });

  implement(router, routes.trends, async (ctx, { query }) => {
    const request = await statsRequest(ctx, query);
    return { ...request.header, days: await computeTrends(request) };
  });

  implement(router, routes.breakdown, async (ctx, { query }) => {
    const request = await statsRequest(ctx, query);
    return { ...request.header, by: query.by, items: await computeBreakdown({ ...request, by: query.by }) };
  });

  /** 热点研判: rising village × category (环比 and 同比) and repeat matters of the period. */
  implement(router, routes.hotspots, async (ctx, { query }) => {
    const request = await statsRequest(ctx, query);
    const hotspots = await computeHotspots({ ...request, span: { from: request.header.from, to: request.header.to } });
    const { rising, repeats, followed } = hotspotDefinitions();
    return {
      ...request.header,
      minCount: HOTSPOT_MIN_COUNT,
      repeatDays: REPEAT_MATTER_DAYS,
      followedMin: FOLLOWED_MIN,
      ...hotspots,
      definitions: { rising, repeats, followed },
    };
  });
  return router;
}

import { STATS_ROLES } from '../../policies/stats';
import Router from '@koa/router';
import { StaffBreakdownQuerySchema, StaffHotspotsQuerySchema, StaffStatsQuerySchema } from '@minqing/shared';
import type { AppContext, AppDeps, AppState } from '../../context';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseQuery } from '../../middleware/validate';
import { computeBreakdown } from '../../stats/breakdown';
import { hotspotDefinitions } from '../../stats/figureDefinitions';
import { FOLLOWED_MIN, HOTSPOT_MIN_COUNT, REPEAT_MATTER_DAYS } from '../../stats/figures';
import { computeHotspots } from '../../stats/hotspots';
import { computeOverview } from '../../stats/overview';
import { computeTrends } from '../../stats/trends';
import { presentScope, resolvePeriod, resolveScope } from './statsRequest';

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
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff/stats' });
  router.use(staffAuth(STATS_ROLES));

  router.get('/overview', async (ctx: AppContext) => {
    const request = await statsRequest(ctx, parseQuery(ctx, StaffStatsQuerySchema));
    ctx.body = { ...request.header, ...(await computeOverview(request)) };
  });

  router.get('/trends', async (ctx: AppContext) => {
    const request = await statsRequest(ctx, parseQuery(ctx, StaffStatsQuerySchema));
    ctx.body = { ...request.header, days: await computeTrends(request) };
  });

  router.get('/breakdown', async (ctx: AppContext) => {
    const query = parseQuery(ctx, StaffBreakdownQuerySchema);
    const request = await statsRequest(ctx, query);
    ctx.body = { ...request.header, by: query.by, items: await computeBreakdown({ ...request, by: query.by }) };
  });

  /** 热点研判: rising village × category (环比 and 同比) and repeat matters of the period. */
  router.get('/hotspots', async (ctx: AppContext) => {
    const request = await statsRequest(ctx, parseQuery(ctx, StaffHotspotsQuerySchema));
    const hotspots = await computeHotspots({ ...request, span: { from: request.header.from, to: request.header.to } });
    const { rising, repeats, followed } = hotspotDefinitions();
    ctx.body = {
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

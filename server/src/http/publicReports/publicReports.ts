import Router from '@koa/router';
import { openDataRoutes as routes } from '@minqing/shared';
import { badRequest } from '../../errors';
import { findPublicReports, presentPublicReports } from '../../openness/publicReports';
import { type ApiRouter, implement } from '../implement';
import { pageWindow } from '../paging';

/**
 * 本村动态: a village's public 民情直通 reports of the last 90 days with their answers, no sign-in
 * (counted per client address like every public route). What is public is decided in one place,
 * openness/publicReports, which Open311 shares.
 */
export function publicReportsRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.reports, async (ctx, { query }) => {
    const lookups = await ctx.deps.reference.snapshot();
    if (lookups.regions.get(query.villageCode)?.level !== 'village')
      throw badRequest('请选择正确的村(社区)', 'villageCode');
    const now = ctx.deps.clock();
    const manager = ctx.deps.dataSource.manager;
    const { skip, take } = pageWindow(query);
    const { reports, total } = await findPublicReports(manager, now, {
      villageCode: query.villageCode,
      state: query.status,
      offset: skip,
      limit: take,
    });
    return {
      items: await presentPublicReports(manager, { reports, lookups, tokenSecret: ctx.deps.config.tokenSecret, now }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  return router;
}

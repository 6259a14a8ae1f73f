import Router from '@koa/router';
import { FOLLOWER_STATUS_NAMES, followingRoutes as routes } from '@minqing/shared';
import {
  findSimilarReports,
  followReport,
  followedReports,
  presentSimilar,
  unfollowReport,
} from '../../commands/reportFollowing';
import { badRequest } from '../../errors';
import { currentCitizen } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { type ApiRouter, implement } from '../implement';
import { pageWindow } from '../paging';

/**
 * 我也遇到: similar open reports while composing, following one instead of filing it again, and
 * 我关注的. Registered before routes/reports, whose /reports/:id would answer /reports/similar.
 */
export function reportFollowingRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.similar, async (ctx, { query }) => {
    const citizen = currentCitizen(ctx);
    const lookups = await ctx.deps.reference.snapshot();
    if (lookups.regions.get(query.villageCode)?.level !== 'village')
      throw badRequest('请选择正确的村(社区)', 'villageCode');
    const reports = await findSimilarReports(ctx.deps.dataSource.manager, {
      citizen,
      villageCode: query.villageCode,
      text: query.text,
      now: ctx.deps.clock(),
      settings: { minSimilarity: ctx.deps.config.routing.duplicateMinSimilarity },
    });
    return { items: reports.map((report) => presentSimilar(report, lookups)) };
  });

  implement(router, routes.list, async (ctx, { query }) => {
    const citizen = currentCitizen(ctx);
    const lookups = await ctx.deps.reference.snapshot();
    const { rows, total } = await followedReports(ctx.deps.dataSource.manager, {
      citizenId: citizen.id,
      ...pageWindow(query),
    });
    return {
      items: rows.map(({ report, followedAt }) => ({
        ...presentSimilar(report, lookups),
        statusName: FOLLOWER_STATUS_NAMES[report.status],
        villageName: lookups.regions.get(report.villageCode)?.name ?? '',
        submittedAt: report.createdAt.toISOString(),
        followedAt: followedAt.toISOString(),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.follow, (ctx) =>
    followReport(ctx.deps, { citizen: currentCitizen(ctx), reportId: pathId(ctx, '没有找到可以关注的事项') }),
  );

  implement(router, routes.unfollow, (ctx) =>
    unfollowReport(ctx.deps, { citizen: currentCitizen(ctx), reportId: pathId(ctx, '没有找到可以关注的事项') }),
  );

  return router;
}

import { staffReportRoutes as routes } from '@minqing/shared';
import { bulkAssign } from '../../commands/bulkAssigner';
import { currentStaff } from '../../middleware/auth';
import { routingThreshold } from '../../routing/classifier';
import { type ApiRouter, implement } from '../implement';
import { paged } from '../paging';
import { whereFigure } from './queueFigures';
import { scopedQueue, whereKeyword } from './queueQuery';
import { countTabs } from './queueTabs';
import { presentTriage } from './triagePresenter';

/** The queue's companions: tab counts, the triage list and bulk dispatch. */
export function registerQueueRoutes(router: ApiRouter): void {
  implement(router, routes.counts, async (ctx, { query: filters }) => {
    const staff = currentStaff(ctx);
    const now = ctx.deps.clock();
    const selection = scopedQueue(ctx.deps.dataSource.manager, staff, filters);
    whereFigure(selection, filters, now);
    return countTabs(selection, now, staff.id);
  });

  implement(router, routes.triage, async (ctx, { query }) => {
    const staff = currentStaff(ctx);
    const now = ctx.deps.clock();
    const dispatch = query.view === 'dispatch';
    const selection = scopedQueue(ctx.deps.dataSource.manager, staff, {
      regionCode: query.regionCode,
      triage: dispatch,
      duplicates: !dispatch,
    });
    if (query.keyword) whereKeyword(selection, query.keyword);
    // Waiting longest first for dispatch; the newest suspected duplicates first.
    const page = paged(
      selection
        .orderBy('report.createdAt', dispatch ? 'ASC' : 'DESC')
        .addOrderBy('report.id', dispatch ? 'ASC' : 'DESC'),
      query,
    );
    const [reports, total] = await Promise.all([page.getMany(), page.getCount()]);
    const lookups = await ctx.deps.reference.snapshot();
    return {
      items: await presentTriage(
        ctx.deps.dataSource.manager,
        staff,
        reports,
        lookups,
        now,
        routingThreshold(ctx.deps.config.routing),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.bulkAssign, async (ctx, { body: request }) =>
    bulkAssign(ctx.deps, { staff: currentStaff(ctx), request, ip: ctx.ip }),
  );
}

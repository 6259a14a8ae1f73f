import { DISPATCH_ROLES } from '../../policies/report';
import type Router from '@koa/router';
import { BulkAssignRequestSchema, StaffQueueQuerySchema, TriageQuerySchema } from '@minqing/shared';
import { bulkAssign } from '../../commands/bulkAssigner';
import type { AppContext, AppDeps, AppState } from '../../context';
import type { Staff } from '../../db/entities';
import { forbidden } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { parseBody, parseQuery } from '../../middleware/validate';
import { routingThreshold } from '../../routing/classifier';
import { whereFigure } from './queueFigures';
import { scopedQueue, whereKeyword } from './queueQuery';
import { countTabs } from './queueTabs';
import { presentTriage } from './triagePresenter';
import { paged } from '../paging';

function dispatcherOnly(ctx: AppContext): Staff {
  const staff = currentStaff(ctx);
  if (!DISPATCH_ROLES.includes(staff.role)) throw forbidden('只有民情管理员和县指挥中心可以分派');
  return staff;
}

/**
 * The queue's companions: tab counts, the triage list and bulk dispatch. Registered before
 * `/:id` so their paths are not read as report ids; the router's role guard has run already.
 */
export function registerQueueRoutes(router: Router<AppState, { deps: AppDeps }>): void {
  router.get('/counts', async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const filters = parseQuery(ctx, StaffQueueQuerySchema);
    const now = ctx.deps.clock();
    const selection = scopedQueue(ctx.deps.dataSource.manager, staff, filters);
    whereFigure(selection, filters, now);
    ctx.body = await countTabs(selection, now, staff.id);
  });

  router.get('/triage', async (ctx: AppContext) => {
    const staff = dispatcherOnly(ctx);
    const query = parseQuery(ctx, TriageQuerySchema);
    const now = ctx.deps.clock();
    const dispatch = query.view === 'dispatch';
    const selection = scopedQueue(ctx.deps.dataSource.manager, staff, {
      regionCode: query.regionCode,
      triage: dispatch,
      duplicates: !dispatch,
    });
    if (query.keyword) whereKeyword(selection, query.keyword);
    // Waiting longest first for dispatch; the newest suspected duplicates first.
    const [reports, total] = await paged(
      selection
        .orderBy('report.createdAt', dispatch ? 'ASC' : 'DESC')
        .addOrderBy('report.id', dispatch ? 'ASC' : 'DESC'),
      query,
    ).getManyAndCount();
    const lookups = await ctx.deps.reference.snapshot();
    ctx.body = {
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

  router.post('/bulk-assign', async (ctx: AppContext) => {
    const staff = dispatcherOnly(ctx);
    const request = parseBody(ctx, BulkAssignRequestSchema);
    ctx.body = await bulkAssign(ctx.deps, { staff, request, ip: ctx.ip });
  });
}

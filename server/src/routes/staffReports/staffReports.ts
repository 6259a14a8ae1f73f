import { reportsBeingTranscribed } from '../../jobs/transcribing';
import Router from '@koa/router';
import { REPORT_WORKER_ROLES } from '../../policies/reportScope';
import { IdempotencyKeySchema, ReportActionRequestSchema, StaffQueueQuerySchema } from '@minqing/shared';
import { actOnReportOnce } from '../../commands/staffActionOnce';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Report } from '../../db/entities';
import { badRequest, forbidden, notFound } from '../../errors';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseBody, parseQuery, pathId } from '../../middleware/validate';
import { staffCanView } from '../../policies/report';
import { presentStaffReport, presentStaffSummary } from '../../presenters/report';
import { buildQueueQuery } from './queueQuery';
import { registerOnBehalfRoutes } from './onBehalf';
import { registerQueueRoutes } from './queueRoutes';

/** Roles that work reports; sysadmins configure, they do not see citizens' reports. */

function reportIdOf(ctx: AppContext): string {
  return pathId(ctx, '没有找到该事项');
}

export function staffReportsRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff/reports' });
  // 代报 has its own roles; registered before the queue's, whose role check would otherwise run first.
  registerOnBehalfRoutes(router);
  router.use(staffAuth(REPORT_WORKER_ROLES));
  registerQueueRoutes(router);

  router.get('/', async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const filters = parseQuery(ctx, StaffQueueQuerySchema);
    const now = ctx.deps.clock();
    const [reports, total] = await buildQueueQuery(ctx.deps.dataSource.manager, staff, filters, now).getManyAndCount();
    const lookups = await ctx.deps.reference.snapshot();
    const transcribing = await reportsBeingTranscribed(
      ctx.deps.dataSource.manager,
      reports.map((report) => report.id),
    );
    ctx.body = {
      items: reports.map((report) => presentStaffSummary(report, lookups, now, transcribing)),
      total,
      page: filters.page,
      pageSize: filters.pageSize,
    };
  });

  router.get('/:id', async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const report = await ctx.deps.dataSource.getRepository(Report).findOneBy({ id: reportIdOf(ctx) });
    if (!report) throw notFound('没有找到该事项');
    if (!staffCanView(staff, report)) throw forbidden('该事项不在您的管辖范围内');
    ctx.body = await presentStaffReport(ctx.deps, ctx.deps.dataSource.manager, report, staff);
  });

  router.post('/:id/actions', async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const request = parseBody(ctx, ReportActionRequestSchema);
    const idempotencyKey = ctx.headers['idempotency-key'] === undefined ? null : ctx.get('Idempotency-Key');
    if (idempotencyKey !== null && !IdempotencyKeySchema.safeParse(idempotencyKey).success)
      throw badRequest('提交编号格式不正确', 'Idempotency-Key');
    const { report, replayed } = await actOnReportOnce(ctx.deps, {
      staff,
      reportId: reportIdOf(ctx),
      request,
      ip: ctx.ip,
      idempotencyKey,
    });
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    ctx.body = await presentStaffReport(ctx.deps, ctx.deps.dataSource.manager, report, staff);
  });

  return router;
}

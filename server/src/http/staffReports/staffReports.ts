import Router from '@koa/router';
import { staffReportRoutes as routes } from '@minqing/shared';
import { actOnReportOnce } from '../../commands/staffActionOnce';
import type { AppContext } from '../../context';
import { Report } from '../../db/entities';
import { forbidden, notFound } from '../../errors';
import { reportsBeingTranscribed } from '../../jobs/transcribing';
import { currentStaff } from '../../middleware/auth';
import { idempotencyKeyOf } from '../../middleware/idempotencyKey';
import { pathId } from '../../middleware/validate';
import { staffCanView } from '../../policies/report';
import {
  STAFF_SUMMARY_COLUMNS,
  type StaffSummarySource,
  presentStaffReport,
  presentStaffSummary,
} from '../../presenters/report';
import { type ApiRouter, implement } from '../implement';
import { registerOnBehalfRoutes } from './onBehalf';
import { buildQueueQuery } from './queueQuery';
import { registerQueueRoutes } from './queueRoutes';
import { registerReportsExport } from './reportsExport';

function reportIdOf(ctx: AppContext): string {
  return pathId(ctx, '没有找到该事项');
}

/** 民情办理: 代报, the work queue and its companions, one report and its actions. */
export function staffReportsRouter() {
  const router: ApiRouter = new Router();
  registerOnBehalfRoutes(router);
  // Before `/:id`, so their paths are not read as report ids.
  registerQueueRoutes(router);
  registerReportsExport(router);

  implement(router, routes.queue, async (ctx, { query: filters }) => {
    const staff = currentStaff(ctx);
    const now = ctx.deps.clock();
    // Only the columns its rows show (presentStaffSummary reads no other).
    const queue = buildQueueQuery(ctx.deps.dataSource.manager, staff, filters, now).select(
      STAFF_SUMMARY_COLUMNS.map((column) => `report.${column}`),
    );
    // The page and its total at once, on two connections: each is its own walk of the queue's index.
    const [reports, total]: [StaffSummarySource[], number] = await Promise.all([queue.getMany(), queue.getCount()]);
    const lookups = await ctx.deps.reference.snapshot();
    const transcribing = await reportsBeingTranscribed(ctx.deps.dataSource.manager, reports);
    return {
      items: reports.map((report) => presentStaffSummary(report, lookups, now, transcribing)),
      total,
      page: filters.page,
      pageSize: filters.pageSize,
    };
  });

  implement(router, routes.detail, async (ctx) => {
    const staff = currentStaff(ctx);
    const report = await ctx.deps.dataSource.getRepository(Report).findOneBy({ id: reportIdOf(ctx) });
    if (!report) throw notFound('没有找到该事项');
    if (!staffCanView(staff, report)) throw forbidden('该事项不在您的管辖范围内');
    return presentStaffReport(ctx.deps, ctx.deps.dataSource.manager, report, staff);
  });

  implement(router, routes.act, async (ctx, { body: request }) => {
    const staff = currentStaff(ctx);
    const { report, replayed } = await actOnReportOnce(ctx.deps, {
      staff,
      reportId: reportIdOf(ctx),
      request,
      ip: ctx.ip,
      idempotencyKey: idempotencyKeyOf(ctx),
    });
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    return presentStaffReport(ctx.deps, ctx.deps.dataSource.manager, report, staff);
  });

  return router;
}

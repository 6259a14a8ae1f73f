import Router from '@koa/router';
import { EXPORT_MAX_ROWS, staffReportRoutes, staffStatsRoutes } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext, AppDeps, AppState } from '../../context';
import { badRequest } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { parseQuery } from '../../middleware/validate';
import { staffRanking } from '../staffRankings/staffRanking';
import { authorize } from '../implement';
import { buildQueueQuery } from '../staffReports/queueQuery';
import { rankingWorkbook } from './rankingWorkbook';
import { reportsWorkbook } from './reportsWorkbook';
import { chinaDay, sendXlsx, xlsxBytes } from './xlsx';

/**
 * .xlsx downloads for the admin panel. Each route takes the query of the screen it exports
 * and the same role guard and scope, so a file never holds more than its screen shows.
 * app.ts mounts this router before staffReports', whose /staff/reports/:id would take "export".
 */
export function staffExportRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();

  /** The work queue under its filters (queueQuery.ts: the same scope and conditions), every page. */
  // A file, so it answers through ctx itself; the query is still the contract's.
  const reportExport = staffReportRoutes.export;
  router[reportExport.method](reportExport.path, ...authorize(reportExport), async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const filters = parseQuery(ctx, reportExport.query);
    const now = ctx.deps.clock();
    const manager = ctx.deps.dataSource.manager;
    const query = buildQueueQuery(manager, staff, { ...filters, page: 1, pageSize: EXPORT_MAX_ROWS }, now);
    const total = await query.getCount();
    if (total > EXPORT_MAX_ROWS) {
      throw badRequest(
        `符合条件的事项有 ${total} 件，超过单次导出上限 ${EXPORT_MAX_ROWS} 件，请缩小筛选范围（如日期）后再导出`,
      );
    }
    const reports = await query.getMany();
    const lookups = await ctx.deps.reference.snapshot();
    const bytes = await xlsxBytes(await reportsWorkbook({ manager, cipher: ctx.deps.cipher, lookups, reports, now }));
    await recordAudit(manager, {
      staff,
      action: 'report.export',
      targetType: 'report',
      ip: ctx.ip,
      detail: `${reports.length} 件; ${ctx.querystring}`,
      at: now,
    });
    const day = chinaDay(now);
    sendXlsx(ctx, bytes, { ascii: `reports-${day}.xlsx`, chinese: `工单导出-${day}.xlsx` });
  });

  /** The dashboard's department ranking (staffStatsRoutes.rankings) for the same period and scope. */
  const rankingExport = staffStatsRoutes.rankingsExport;
  router[rankingExport.method](rankingExport.path, ...authorize(rankingExport), async (ctx: AppContext) => {
    const ranking = await staffRanking(ctx, parseQuery(ctx, rankingExport.query));
    const now = ctx.deps.clock();
    const bytes = await xlsxBytes(rankingWorkbook(ranking, now));
    await recordAudit(ctx.deps.dataSource.manager, {
      staff: currentStaff(ctx),
      action: 'ranking.export',
      ip: ctx.ip,
      detail: `${ranking.from}~${ranking.to} ${ranking.scope.regionCode}${ranking.scope.departmentId ? ` ${ranking.scope.departmentId}` : ''}`,
      at: now,
    });
    const period = `${ranking.from}_${ranking.to}`;
    sendXlsx(ctx, bytes, { ascii: `ranking-${period}.xlsx`, chinese: `部门排名-${period}.xlsx` });
  });

  return router;
}

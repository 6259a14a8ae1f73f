import { EXPORT_MAX_ROWS, staffReportRoutes } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext } from '../../context';
import { badRequest } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { parseQuery } from '../../middleware/validate';
import { chinaDay, sendXlsx, xlsxBytes } from '../../presenters/xlsx';
import { type ApiRouter, authorize } from '../implement';
import { buildQueueQuery } from './queueQuery';
import { reportsWorkbook } from './reportsWorkbook';

/**
 * The work queue under its filters as .xlsx (queueQuery.ts: the same scope and conditions), every
 * page, so a file never holds more than the queue shows. A file, so it answers through ctx itself;
 * the query is still the contract's.
 */
export function registerReportsExport(router: ApiRouter): void {
  const contract = staffReportRoutes.export;
  router[contract.method](contract.path, ...authorize(contract), async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const filters = parseQuery(ctx, contract.query);
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
}

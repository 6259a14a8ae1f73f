import Router from '@koa/router';
import { EXPORT_MAX_ROWS, staffPointsRoutes } from '@minqing/shared';
import type { StaffLedgerEntry } from '@minqing/shared';
import { Like } from 'typeorm';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext, AppDeps, AppState } from '../../context';
import { PointsEntryRow } from '../../db/entities';
import { badRequest, forbidden } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { parseQuery } from '../../middleware/validate';
import { narrowerRegion } from '../../policies/scope';
import { chinaDateTime, chinaDay, newWorkbook, sendXlsx, sheetWithHeader, xlsxBytes } from '../../presenters/xlsx';
import { authorize } from '../implement';
import { presentLedger } from './staffPoints';

export const LEDGER_EXPORT_HEADERS = ['时间', '村民', '村（社区）', '类型', '积分', '说明'] as const;

/**
 * The ledger (staffPointsRoutes.ledger) under the same filters, role guard and scope, as .xlsx,
 * newest first; registered from the contract's method, path and query. Audited, like every export
 * of citizens' data.
 */
export function ledgerExportRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();

  const contract = staffPointsRoutes.ledgerExport;
  router[contract.method](contract.path, ...authorize(contract), async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const query = parseQuery(ctx, contract.query);
    const region = narrowerRegion(staff.regionCode, query.regionCode);
    if (!region) throw forbidden('只能导出本辖区的数据');
    const where = { regionCode: Like(`${region}%`), ...(query.reason ? { reason: query.reason } : {}) };
    const repository = ctx.deps.dataSource.getRepository(PointsEntryRow);
    const total = await repository.countBy(where);
    if (total > EXPORT_MAX_ROWS)
      throw badRequest(
        `符合条件的积分记录有 ${total} 条，超过单次导出上限 ${EXPORT_MAX_ROWS} 条，请按类型或地区缩小范围后再导出`,
      );
    const rows = await repository.find({ where, order: { createdAt: 'DESC', id: 'DESC' } });
    const entries = await presentLedger(ctx, rows);
    const now = ctx.deps.clock();
    const bytes = await xlsxBytes(ledgerWorkbook(entries, now));
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'points.export',
      targetType: 'points_ledger',
      ip: ctx.ip,
      detail: `${entries.length} 条; ${ctx.querystring}`,
      at: now,
    });
    const day = chinaDay(now);
    sendXlsx(ctx, bytes, { ascii: `points-ledger-${day}.xlsx`, chinese: `积分台账-${day}.xlsx` });
  });

  return router;
}

function ledgerWorkbook(entries: StaffLedgerEntry[], now: Date) {
  const workbook = newWorkbook(now);
  const widths = [18, 14, 14, 16, 8, 40];
  const sheet = sheetWithHeader(
    workbook,
    '积分台账',
    LEDGER_EXPORT_HEADERS.map((header, index) => ({ header, width: widths[index] })),
  );
  for (const entry of entries) {
    sheet.addRow([
      chinaDateTime(new Date(entry.createdAt)),
      entry.citizenName,
      entry.villageName,
      entry.reasonName,
      entry.delta,
      entry.note ?? '',
    ]);
  }
  return workbook;
}

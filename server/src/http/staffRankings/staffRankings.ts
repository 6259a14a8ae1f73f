import Router from '@koa/router';
import { staffStatsRoutes } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext } from '../../context';
import { currentStaff } from '../../middleware/auth';
import { parseQuery } from '../../middleware/validate';
import { sendXlsx, xlsxBytes } from '../../presenters/xlsx';
import { type ApiRouter, authorize, implement } from '../implement';
import { rankingWorkbook } from './rankingWorkbook';
import { staffRanking } from './staffRanking';

/** The dashboard's department ranking, in the member's scope, and the same ranking as .xlsx. */
export function staffRankingsRouter() {
  const router: ApiRouter = new Router();
  implement(router, staffStatsRoutes.rankings, (ctx, { query }) => staffRanking(ctx, query));

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

import Router from '@koa/router';
import { staffReportRoutes as routes } from '@minqing/shared';
import { revealReporterContact } from '../../commands/reporterContactRevealer';
import { currentStaff } from '../../middleware/auth';
import { loadViewableReport } from '../../policies/viewableReport';
import { type ApiRouter, implement } from '../implement';

/** 查看完整号码: a POST, not a GET, because every call is recorded and must not be cached or prefetched. */
export function reporterContactRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.reporterContact, async (ctx, { body: { reason } }) => {
    const staff = currentStaff(ctx);
    const report = await loadViewableReport(ctx);
    ctx.set('Cache-Control', 'no-store');
    return revealReporterContact(ctx.deps, { staff, report, reason, ip: ctx.ip });
  });

  return router;
}

import Router from '@koa/router';
import { ReporterContactRequestSchema } from '@minqing/shared';
import { revealReporterContact } from '../../commands/reporterContactRevealer';
import type { AppContext, AppDeps, AppState } from '../../context';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseBody } from '../../middleware/validate';
import { REPORT_WORKER_ROLES } from '../../policies/reportScope';
import { loadViewableReport } from '../../policies/viewableReport';

/** 查看完整号码: a POST, not a GET, because every call is recorded and must not be cached or prefetched. */
export function reporterContactRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff/reports/:id/reporter-contact' });
  router.use(staffAuth(REPORT_WORKER_ROLES));

  router.post('/', async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const report = await loadViewableReport(ctx);
    const { reason } = parseBody(ctx, ReporterContactRequestSchema);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await revealReporterContact(ctx.deps, { staff, report, reason, ip: ctx.ip });
  });

  return router;
}

import { AUDIT_READERS } from '../../policies/audit';
import Router from '@koa/router';
import { AuditLogQuerySchema } from '@minqing/shared';
import type { AppContext, AppDeps, AppState } from '../../context';
import { staffAuth } from '../../middleware/auth';
import { parseQuery } from '../../middleware/validate';
import { auditTargetLabels, presentAuditLog } from '../../presenters/auditLog';
import { findAuditLogs } from './auditQuery';

/** 审计日志: who did what, when, from where; for the sysadmin only (it sees the whole county). */
export function auditLogRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff' });

  router.get('/audit-logs', staffAuth(AUDIT_READERS), async (ctx: AppContext) => {
    const query = parseQuery(ctx, AuditLogQuerySchema);
    const [entries, total] = await findAuditLogs(ctx.deps.dataSource.manager, query);
    const labels = await auditTargetLabels(ctx.deps.dataSource.manager, entries);
    ctx.body = {
      items: entries.map((entry) => presentAuditLog(entry, labels)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  return router;
}

import Router from '@koa/router';
import { auditLogRoutes as routes } from '@minqing/shared';
import { auditTargetLabels, presentAuditLog } from '../../presenters/auditLog';
import { type ApiRouter, implement } from '../implement';
import { findAuditLogs } from './auditQuery';

/** 审计日志: who did what, when, from where; for the sysadmin only (it sees the whole county). */
export function auditLogRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.list, async (ctx, { query }) => {
    const [entries, total] = await findAuditLogs(ctx.deps.dataSource.manager, query);
    const labels = await auditTargetLabels(ctx.deps.dataSource.manager, entries);
    return {
      items: entries.map((entry) => presentAuditLog(entry, labels)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  return router;
}

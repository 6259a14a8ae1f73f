import { AuditLogPageSchema, AuditLogQuerySchema } from '../schemas/staffAccounts';
import { defineRoute, named, ok } from './route';

/** 审计日志: who did what, when, from where; for the sysadmin only. */
export const auditLogRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/staff/audit-logs',
    summary: '审计日志 / Who did what, when, from where; newest first (sysadmin)',
    description:
      'Who: sysadmin. The audit log, newest first: `username`, `action` (comma-separated, `report.*` prefixes), `targetType`, `targetId`, `from`, `to`, `page`, `pageSize`',
    tags: ['staff-accounts'],
    access: 'staff',
    policy: 'audit',
    query: AuditLogQuerySchema,
    responses: [ok(named('AuditLogPage', AuditLogPageSchema))],
    errors: [400, 401, 403],
  }),
};

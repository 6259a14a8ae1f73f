import type { AuditLogEntry, Page } from '@minqing/shared';
import { request } from '../api';

/** 审计日志 (server/src/routes/auditLog). */
export const auditApi = {
  list: (queryString: string) => request<Page<AuditLogEntry>>(`/staff/audit-logs?${queryString}`),
};

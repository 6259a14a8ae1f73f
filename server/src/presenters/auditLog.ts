import type { AuditLogEntry } from '@minqing/shared';
import type { AuditLog } from '../db/entities';

export function presentAuditLog(entry: AuditLog): AuditLogEntry {
  return {
    id: entry.id,
    staffId: entry.staffId,
    username: entry.username,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: entry.ip,
    detail: entry.detail,
    createdAt: entry.createdAt.toISOString(),
  };
}

import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { AuditLogEntry } from '@minqing/shared';
import { Report, Staff } from '../db/entities';
import type { AuditLog } from '../db/entities';

/** Labels keyed `type:id`: reports by serial number, accounts by name and login. */
export async function auditTargetLabels(manager: EntityManager, entries: AuditLog[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(
      entries.filter((entry) => entry.targetType === type && entry.targetId).map((entry) => entry.targetId as string),
    ),
  ];
  const reportIds = idsOf('report');
  const staffIds = idsOf('staff');
  const [reports, staff] = await Promise.all([
    reportIds.length
      ? manager.getRepository(Report).find({ select: { id: true, serialNo: true }, where: { id: In(reportIds) } })
      : [],
    staffIds.length
      ? manager
          .getRepository(Staff)
          .find({ select: { id: true, name: true, username: true }, where: { id: In(staffIds) } })
      : [],
  ]);
  return new Map([
    ...reports.map((report) => [`report:${report.id}`, report.serialNo] as const),
    ...staff.map((member) => [`staff:${member.id}`, `${member.name}（${member.username}）`] as const),
  ]);
}

export function presentAuditLog(entry: AuditLog, labels: Map<string, string>): AuditLogEntry {
  return {
    id: entry.id,
    staffId: entry.staffId,
    username: entry.username,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    targetLabel:
      entry.targetType && entry.targetId ? (labels.get(`${entry.targetType}:${entry.targetId}`) ?? null) : null,
    ip: entry.ip,
    detail: entry.detail,
    createdAt: entry.createdAt.toISOString(),
  };
}

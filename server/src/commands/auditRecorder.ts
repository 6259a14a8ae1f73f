import type { EntityManager } from 'typeorm';
import { AuditLog, type Staff } from '../db/entities';
import { newId } from '../db/ids';

/** Appends one line to the staff audit log. */
export async function recordAudit(
  manager: EntityManager,
  props: {
    staff: Staff | null;
    username?: string;
    action: string;
    targetType?: string;
    targetId?: string;
    ip?: string;
    detail?: string;
    at?: Date;
  },
): Promise<void> {
  await manager.getRepository(AuditLog).insert({
    id: newId(),
    staffId: props.staff?.id ?? null,
    username: props.staff?.username ?? props.username ?? '',
    action: props.action,
    targetType: props.targetType ?? null,
    targetId: props.targetId ?? null,
    ip: props.ip ?? null,
    detail: props.detail?.slice(0, 500) ?? null,
    ...(props.at ? { createdAt: props.at } : {}),
  });
}

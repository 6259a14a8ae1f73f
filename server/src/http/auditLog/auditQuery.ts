import type { EntityManager } from 'typeorm';
import type { AuditLogQuery } from '@minqing/shared';
import { AuditLog } from '../../db/entities';
import { paged } from '../paging';

const DAY_MS = 86400_000;
/** Days are China days, like the work queue's date filter. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** Audit lines, newest first, narrowed by who, what was touched, which actions and which days. */
export function findAuditLogs(manager: EntityManager, filters: AuditLogQuery): Promise<[AuditLog[], number]> {
  const query = manager.getRepository(AuditLog).createQueryBuilder('audit');
  if (filters.username) query.andWhere('audit.username = :username', { username: filters.username });
  if (filters.targetType) query.andWhere('audit.targetType = :targetType', { targetType: filters.targetType });
  if (filters.targetId) query.andWhere('audit.targetId = :targetId', { targetId: filters.targetId });
  if (filters.action?.length) {
    // `report.*` is a prefix; '!' escapes the underscore in `staff_account` so it is not a wildcard.
    const clauses = filters.action.map((action, index) =>
      action.endsWith('*') ? `audit.action LIKE :action${index} ESCAPE '!'` : `audit.action = :action${index}`,
    );
    const parameters = Object.fromEntries(
      filters.action.map((action, index) => [
        `action${index}`,
        action.endsWith('*') ? `${action.slice(0, -1).replace(/[!%_]/g, (match) => `!${match}`)}%` : action,
      ]),
    );
    query.andWhere(`(${clauses.join(' OR ')})`, parameters);
  }
  if (filters.from) query.andWhere('audit.createdAt >= :from', { from: startOfDay(filters.from) });
  if (filters.to) query.andWhere('audit.createdAt < :to', { to: new Date(startOfDay(filters.to).getTime() + DAY_MS) });
  return paged(query.orderBy('audit.createdAt', 'DESC').addOrderBy('audit.id', 'DESC'), filters).getManyAndCount();
}

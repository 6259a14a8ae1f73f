import { DUE_SOON_HOURS, OPEN_STATUSES, QUEUE_TAB_KEYS } from '@minqing/shared';
import type { QueueCounts, QueueTabKey } from '@minqing/shared';
import type { SelectQueryBuilder } from 'typeorm';
import type { Report } from '../../db/entities';

const quoted = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');
const OPEN = `report.status IN (${quoted(OPEN_STATUSES)})`;

/**
 * Each tab as one SQL condition on alias `report`, with the parameters :now, :dueSoon and :staffId
 * (see QUEUE_TAB_KEYS in shared/src/domain/queueTabs.ts for what each means). The list and
 * the counts use these same strings, so a tab's count is always the length of its list.
 */
export const TAB_CONDITIONS: Record<QueueTabKey, string> = {
  dispatched: "report.status IN ('dispatched', 'reopened')",
  accepted: "report.status = 'accepted'",
  due_soon: `${OPEN} AND report.resolveDueAt >= :now AND report.resolveDueAt < :dueSoon`,
  overdue: `${OPEN} AND report.resolveDueAt < :now`,
  done: "report.status IN ('resolved', 'closed')",
  all: '1 = 1',
  submitted: "report.status = 'submitted'",
  filed: 'report.filedByStaffId = :staffId',
};

/** `staffId`: the one asking, whose 代报 make up 我代报的. */
export function tabParameters(now: Date, staffId: string): { now: Date; dueSoon: Date; staffId: string } {
  return { now, dueSoon: new Date(now.getTime() + DUE_SOON_HOURS * 3600_000), staffId };
}

/** Every tab's count in one query: one conditional sum per tab over the filtered reports. */
export async function countTabs(query: SelectQueryBuilder<Report>, now: Date, staffId: string): Promise<QueueCounts> {
  const sumOf = (key: QueueTabKey) => `SUM(CASE WHEN ${TAB_CONDITIONS[key]} THEN 1 ELSE 0 END)`;
  query.select(sumOf(QUEUE_TAB_KEYS[0]), `tab_${QUEUE_TAB_KEYS[0]}`);
  for (const key of QUEUE_TAB_KEYS.slice(1)) query.addSelect(sumOf(key), `tab_${key}`);
  const row: Record<string, unknown> | undefined = await query.setParameters(tabParameters(now, staffId)).getRawOne();
  // Aliases carry a prefix because `all` is a reserved word; MySQL answers SUM as a decimal
  // string, and both answer NULL when nothing matched.
  return Object.fromEntries(QUEUE_TAB_KEYS.map((key) => [key, Number(row?.[`tab_${key}`] ?? 0)])) as QueueCounts;
}

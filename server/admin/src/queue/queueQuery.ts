import type { ReportStatus, ReportSummary, StaffQueueQuery } from '@minqing/shared';

/** A row of the work queue, as GET /api/v1/staff/reports answers it. */
export type QueueRow = ReportSummary & { overdue: boolean; escalated: boolean };

export const QUEUE_TABS = [
  { key: 'dispatched', label: '待签收', statuses: ['dispatched'] },
  { key: 'accepted', label: '处理中', statuses: ['accepted'] },
  { key: 'submitted', label: '待受理', statuses: ['submitted'] },
  { key: 'done', label: '已办结', statuses: ['resolved', 'closed'] },
  { key: 'all', label: '全部', statuses: [] },
] as const satisfies readonly { key: string; label: string; statuses: readonly ReportStatus[] }[];

export type QueueTab = (typeof QUEUE_TABS)[number]['key'];
export type QueueSort = StaffQueueQuery['sort'];

export interface QueueFilters {
  tab: QueueTab;
  serialNo?: string;
  keyword?: string;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
  sort: QueueSort;
  page: number;
  pageSize: number;
}

export const DEFAULT_FILTERS: QueueFilters = { tab: 'dispatched', sort: '-submittedAt', page: 1, pageSize: 20 };

/** The filters as GET /api/v1/staff/reports expects them (StaffQueueQuerySchema); empty ones are left out. */
export function queueQueryString(filters: QueueFilters): string {
  const params = new URLSearchParams();
  const tab = QUEUE_TABS.find((candidate) => candidate.key === filters.tab);
  if (tab && tab.statuses.length > 0) params.set('status', tab.statuses.join(','));
  const serialNo = filters.serialNo?.trim();
  if (serialNo) params.set('serialNo', serialNo.toUpperCase());
  const keyword = filters.keyword?.trim();
  if (keyword) params.set('keyword', keyword);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  params.set('sort', filters.sort);
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));
  return params.toString();
}

/** An antd Table sorter → the server's sort key (only the two sortable columns). */
export function sortFromTable(field: unknown, order: 'ascend' | 'descend' | null | undefined): QueueSort {
  const column = field === 'resolveDueAt' ? 'resolveDueAt' : 'submittedAt';
  if (!order) return '-submittedAt';
  return order === 'ascend' ? column : `-${column}`;
}

import { QUEUE_FIGURES, QUEUE_TAB_KEYS, QUEUE_TAB_NAMES, SERVICE_CODES, TIERS } from '@minqing/shared';
import type {
  QueueFigure,
  QueueTabKey,
  StaffQueueItem,
  ServiceCode,
  StaffQueueQuery,
  StaffMe,
  Tier,
} from '@minqing/shared';

/**
 * THE QUEUE'S LINK CONTRACT. The work queue opens with the filters in its hash, so a figure on
 * the dashboard (or a shared link) can drill down to the reports behind it:
 *
 *   #/queue?tab=overdue&categoryId=…&regionCode=…&departmentId=…&tier=…&serviceId=…
 *           &from=YYYY-MM-DD&to=YYYY-MM-DD&keyword=…&serialNo=…
 *
 * - tab: dispatched | accepted | due_soon | overdue | done | all | submitted
 *   (the tabs' exact meaning: shared/src/domain/queueTabs.ts; unknown values open 待签收)
 * - categoryId: a category code (a first-level one includes its subcategories)
 * - regionCode: a township, village or grid code inside the staff member's scope
 * - departmentId: a department id
 * - tier: general | difficult | major
 * - serviceId: a service code (direct, deputy, illegal …)
 * - from, to: inclusive submission dates (China time)
 * - keyword: words in the text or transcript; serialNo: HY20260101-0001
 * - figure, periodFrom, periodTo: a dashboard figure's reports (shared figureDrill; QUEUE_FIGURES),
 *   the period's days needed but for `backlog`
 * - report: a report id whose drawer opens over the queue (a link from a message or a colleague);
 *   the server still decides whether the staff member may see it
 *
 * Any parameter may be left out; invalid values are ignored rather than sent to the server.
 * The queue writes its current filters back in the same form, so a reload keeps them.
 */

/** A row of the work queue, as GET /api/v1/staff/reports answers it. */
export type QueueRow = StaffQueueItem;

export type QueueTab = QueueTabKey;
export type QueueSort = StaffQueueQuery['sort'];

/** 待受理 is for the roles that dispatch; handlers and cadres only ever receive dispatched reports. */
const SUPERVISOR_TABS: readonly QueueTab[] = ['submitted'];
/** 我代报的 is the field's, on the 工作台. */
const FIELD_TABS: readonly QueueTab[] = ['filed'];

/** The tabs an account sees, in the order shown; 待受理 first for those who dispatch (the `triage` ability). */
export function tabsFor(staff: Pick<StaffMe, 'abilities'>): { key: QueueTab; label: string }[] {
  const keys = staff.abilities.includes('triage')
    ? (['submitted', ...QUEUE_TAB_KEYS.filter((key) => key !== 'submitted' && !FIELD_TABS.includes(key))] as QueueTab[])
    : QUEUE_TAB_KEYS.filter((key) => !SUPERVISOR_TABS.includes(key) && !FIELD_TABS.includes(key));
  return keys.map((key) => ({ key, label: QUEUE_TAB_NAMES[key] }));
}

export interface QueueFilters {
  tab: QueueTab;
  serviceCode?: ServiceCode;
  categoryCode?: string;
  regionCode?: string;
  departmentId?: string;
  tier?: Tier;
  serialNo?: string;
  keyword?: string;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** A dashboard figure's reports, for the days periodFrom–periodTo. */
  figure?: QueueFigure;
  periodFrom?: string;
  periodTo?: string;
  sort: QueueSort;
  page: number;
  pageSize: number;
}

/** The filters the queue's filter bar sets (QueueSearchForm); the tab, figure, sort and paging are set elsewhere. */
export type SearchFilters = Pick<
  QueueFilters,
  'serviceCode' | 'categoryCode' | 'regionCode' | 'departmentId' | 'tier' | 'serialNo' | 'keyword' | 'from' | 'to'
>;

export const DEFAULT_FILTERS: QueueFilters = { tab: 'dispatched', sort: '-submittedAt', page: 1, pageSize: 20 };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^\d{6,15}$/;
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const trimmed = (value: string | null | undefined) => value?.trim() || undefined;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * The hash's parameters (see the contract above) → the queue's filters, dropping what is
 * malformed; without a tab, `fallbackTab` (the role's first).
 */
export function filtersFromQuery(query: URLSearchParams, fallbackTab: QueueTab = DEFAULT_FILTERS.tab): QueueFilters {
  const date = (name: string) => {
    const value = query.get(name);
    return value && DATE.test(value) ? value : undefined;
  };
  const regionCode = query.get('regionCode');
  const departmentId = query.get('departmentId');
  return {
    ...DEFAULT_FILTERS,
    tab: oneOf(QUEUE_TAB_KEYS, query.get('tab')) ?? fallbackTab,
    serviceCode: oneOf(SERVICE_CODES, query.get('serviceId')),
    categoryCode: trimmed(query.get('categoryId'))?.slice(0, 32),
    regionCode: regionCode && REGION.test(regionCode) ? regionCode : undefined,
    departmentId: departmentId && ID.test(departmentId) ? departmentId : undefined,
    tier: oneOf(TIERS, query.get('tier')),
    from: date('from'),
    to: date('to'),
    keyword: trimmed(query.get('keyword'))?.slice(0, 50),
    serialNo: trimmed(query.get('serialNo'))?.toUpperCase().slice(0, 32),
    figure: oneOf(QUEUE_FIGURES, query.get('figure')),
    periodFrom: date('periodFrom'),
    periodTo: date('periodTo'),
  };
}

/** The filters in the hash's names, for `navigate('queue', …)` and for writing them back. */
export function queryFromFilters(filters: QueueFilters): Record<string, string | undefined> {
  return {
    tab: filters.tab,
    categoryId: filters.categoryCode,
    regionCode: filters.regionCode,
    departmentId: filters.departmentId,
    tier: filters.tier,
    serviceId: filters.serviceCode,
    from: filters.from,
    to: filters.to,
    keyword: trimmed(filters.keyword),
    serialNo: trimmed(filters.serialNo)?.toUpperCase(),
    figure: filters.figure,
    periodFrom: filters.figure ? filters.periodFrom : undefined,
    periodTo: filters.figure ? filters.periodTo : undefined,
  };
}

/** The filters without the tab, as GET /api/v1/staff/reports/counts takes them. */
export function countsQueryString(filters: QueueFilters): string {
  const params = new URLSearchParams();
  const values: Record<string, string | undefined> = {
    serviceCode: filters.serviceCode,
    categoryCode: filters.categoryCode,
    regionCode: filters.regionCode,
    departmentId: filters.departmentId,
    tier: filters.tier,
    serialNo: trimmed(filters.serialNo)?.toUpperCase(),
    keyword: trimmed(filters.keyword),
    from: filters.from,
    to: filters.to,
    figure: filters.figure,
    periodFrom: filters.figure ? filters.periodFrom : undefined,
    periodTo: filters.figure ? filters.periodTo : undefined,
  };
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  return params.toString();
}

/** The filters as GET /api/v1/staff/reports expects them (StaffQueueQuerySchema); empty ones are left out. */
export function queueQueryString(filters: QueueFilters): string {
  const params = new URLSearchParams(countsQueryString(filters));
  if (filters.tab !== 'all') params.set('tab', filters.tab);
  params.set('sort', filters.sort);
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));
  return params.toString();
}

/** An antd Table sorter → the server's sort key (the two dates, and 热度: the most followed first). */
export function sortFromTable(field: unknown, order: 'ascend' | 'descend' | null | undefined): QueueSort {
  if (field === 'followers' && order) return 'followers';
  const column = field === 'resolveDueAt' ? 'resolveDueAt' : 'submittedAt';
  if (!order) return '-submittedAt';
  return order === 'ascend' ? column : `-${column}`;
}

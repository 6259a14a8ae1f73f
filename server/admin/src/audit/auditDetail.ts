import {
  POINTS_REASON_NAMES,
  QUEUE_FIGURE_NAMES,
  QUEUE_TAB_NAMES,
  SERVICE_NAMES,
  STAFF_STATUS_NAMES,
  TIER_NAMES,
} from '@minqing/shared';

const named = (names: Record<string, string>) => (value: string) => names[value] ?? value;

/** Each filter an export can carry, in words; paging and sorting say nothing about what left. */
const FILTERS: Record<string, ((value: string) => string) | null> = {
  tab: named(QUEUE_TAB_NAMES),
  status: (value) => `状态 ${value.split(',').map(named(STAFF_STATUS_NAMES)).join('、')}`,
  regionCode: (value) => `区域代码 ${value}`,
  departmentId: (value) => `部门编号 ${value}`,
  serviceCode: named(SERVICE_NAMES),
  categoryCode: (value) => `分类代码 ${value}`,
  tier: (value) => `${named(TIER_NAMES)(value)}事项`,
  serialNo: (value) => `编号 ${value}`,
  keyword: (value) => `关键词「${value}」`,
  overdue: (value) => (value === 'true' ? '已超期' : '未超期'),
  triage: (value) => (value === 'true' ? '待分派' : '已分派'),
  duplicates: (value) => (value === 'true' ? '疑似重复' : ''),
  reason: named(POINTS_REASON_NAMES),
  figure: (value) => `统计「${named(QUEUE_FIGURE_NAMES)(value)}」`,
  periodFrom: (value) => `统计期 ${value} 起`,
  periodTo: (value) => `统计期 ${value} 止`,
  from: (value) => `${value} 起`,
  to: (value) => `${value} 止`,
  sort: null,
  page: null,
  pageSize: null,
};

/** A query string as the filters it applied: `tab=done&from=2026-03-01` → `已办结，2026-03-01 起`. */
export function readableFilters(queryString: string): string {
  const parts = [...new URLSearchParams(queryString)].flatMap(([key, value]) => {
    if (!value) return [];
    const describe = FILTERS[key];
    if (describe === null) return [];
    return [describe ? describe(value) : `${key}=${value}`].filter(Boolean);
  });
  return parts.length ? parts.join('，') : '全部';
}

/**
 * An audit line's detail as people read it. Exports store `<count>; <query string>` (and the
 * ranking `<from>~<to> <region>`): they become the count and the filters in words.
 */
export function readableDetail(action: string, detail: string | null): string {
  if (!detail) return '';
  const exported = /^(\d+ [件条]); ?(.*)$/.exec(detail);
  if (action.endsWith('.export') && exported) return `${exported[1]}，筛选：${readableFilters(exported[2])}`;
  const ranking = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2}) (\d+)(?: (\S+))?$/.exec(detail);
  if (action === 'ranking.export' && ranking) {
    return `${ranking[1]} 至 ${ranking[2]}，区域代码 ${ranking[3]}${ranking[4] ? `，部门编号 ${ranking[4]}` : ''}`;
  }
  return detail;
}

import type {
  ConfigCategory,
  ConfigCategoryInput,
  ConfigCategoryPatch,
  ConfigDepartment,
  ConfigDepartmentInput,
  ConfigDepartmentPatch,
  ConfigRegion,
  ConfigRegionInput,
  ConfigRegionPatch,
  ConfigService,
  ConfigServicePatch,
  HolidayDay,
  HolidayYearSchedule,
  HolidayYearSummary,
  Page,
  RegionNode,
  RoutingRuleDto,
  RoutingRuleInput,
} from '@minqing/shared';
import { LIMITS } from '@minqing/shared';
import { request } from '../api';

type QueryValue = string | number | boolean | undefined | null;

/** `?a=1&b=x` of the values that are set. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Every page of a paged list, for the pickers (a county has far fewer rows than this loop allows). */
export async function allPages<T>(load: (page: number, pageSize: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= 50; page++) {
    const result = await load(page, LIMITS.pageSizeMax);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
}

interface PageParams {
  page: number;
  pageSize: number;
}
export interface DepartmentFilter {
  regionCode?: string;
  keyword?: string;
  disabled?: boolean;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** The /staff/config routes behind the configuration screens, and the routing rules of /staff/routing. */
export const configApi = {
  regions: (parentCode: string | undefined, page: number, pageSize: number) =>
    request<Page<ConfigRegion>>(`/staff/config/regions${queryString({ parentCode, page, pageSize })}`),
  createRegion: (input: ConfigRegionInput) =>
    request<ConfigRegion>('/staff/config/regions', { method: 'POST', body: input }),
  updateRegion: (code: string, patch: ConfigRegionPatch) =>
    request<ConfigRegion>(`/staff/config/regions/${path(code)}`, { method: 'PATCH', body: patch }),
  /** The active region tree down to villages, as citizens see it: the pickers choose from it. */
  regionTree: () => request<RegionNode[]>('/regions?depth=village'),

  departments: (query: PageParams & DepartmentFilter) =>
    request<Page<ConfigDepartment>>(`/staff/config/departments${queryString({ ...query })}`),
  createDepartment: (input: ConfigDepartmentInput) =>
    request<ConfigDepartment>('/staff/config/departments', { method: 'POST', body: input }),
  updateDepartment: (id: string, patch: ConfigDepartmentPatch) =>
    request<ConfigDepartment>(`/staff/config/departments/${path(id)}`, { method: 'PATCH', body: patch }),

  categories: (query: PageParams & { keyword?: string }) =>
    request<Page<ConfigCategory>>(`/staff/config/categories${queryString({ ...query })}`),
  createCategory: (input: ConfigCategoryInput) =>
    request<ConfigCategory>('/staff/config/categories', { method: 'POST', body: input }),
  updateCategory: (code: string, patch: ConfigCategoryPatch) =>
    request<ConfigCategory>(`/staff/config/categories/${path(code)}`, { method: 'PATCH', body: patch }),

  services: () => request<ConfigService[]>('/staff/config/services'),
  updateService: (code: string, patch: ConfigServicePatch) =>
    request<ConfigService>(`/staff/config/services/${path(code)}`, { method: 'PATCH', body: patch }),

  holidayYears: () => request<HolidayYearSummary[]>('/staff/config/holidays'),
  holidayYear: (year: number) => request<HolidayYearSchedule>(`/staff/config/holidays/${year}`),
  saveHolidayYear: (year: number, days: HolidayDay[]) =>
    request<HolidayYearSchedule>(`/staff/config/holidays/${year}`, { method: 'PUT', body: { days } }),

  routingRules: (page: number, pageSize: number, categoryCode?: string) =>
    request<Page<RoutingRuleDto>>(`/staff/routing/rules${queryString({ page, pageSize, categoryCode })}`),
  createRoutingRule: (input: RoutingRuleInput) =>
    request<RoutingRuleDto>('/staff/routing/rules', { method: 'POST', body: input }),
  deleteRoutingRule: (id: string) => request<unknown>(`/staff/routing/rules/${path(id)}`, { method: 'DELETE' }),
};

import type {
  ConfigCategoryInput,
  ConfigCategoryPatch,
  ConfigDepartmentInput,
  ConfigDepartmentPatch,
  ConfigRegionInput,
  ConfigRegionPatch,
  ConfigServicePatch,
  HolidayDay,
  Page,
  RoutingRuleInput,
} from '@minqing/shared';
import { LIMITS, catalogRoutes, routingRuleRoutes, staffConfigRoutes as routes } from '@minqing/shared';
import { call } from '../api';

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

/** The configuration routes (shared/src/contracts/staffConfig.ts) and the routing rules (contracts/routingRules.ts). */
export const configApi = {
  regions: (parentCode: string | undefined, page: number, pageSize: number) =>
    call(routes.regions, { query: { parentCode, page, pageSize } }),
  createRegion: (input: ConfigRegionInput) => call(routes.createRegion, { body: input }),
  updateRegion: (code: string, patch: ConfigRegionPatch) =>
    call(routes.updateRegion, { params: { code }, body: patch }),
  /** The active region tree down to villages, as citizens see it: the pickers choose from it. */
  regionTree: () => call(catalogRoutes.regions, { query: { depth: 'village' } }),

  departments: (query: PageParams & DepartmentFilter) => call(routes.departments, { query }),
  createDepartment: (input: ConfigDepartmentInput) => call(routes.createDepartment, { body: input }),
  updateDepartment: (id: string, patch: ConfigDepartmentPatch) =>
    call(routes.updateDepartment, { params: { id }, body: patch }),

  categories: (query: PageParams & { keyword?: string }) => call(routes.categories, { query }),
  createCategory: (input: ConfigCategoryInput) => call(routes.createCategory, { body: input }),
  updateCategory: (code: string, patch: ConfigCategoryPatch) =>
    call(routes.updateCategory, { params: { code }, body: patch }),

  services: () => call(routes.services),
  updateService: (code: string, patch: ConfigServicePatch) =>
    call(routes.updateService, { params: { code }, body: patch }),

  holidayYears: () => call(routes.holidayYears),
  holidayYear: (year: number) => call(routes.holidayYear, { params: { year: String(year) } }),
  saveHolidayYear: (year: number, days: HolidayDay[]) =>
    call(routes.saveHolidayYear, { params: { year: String(year) }, body: { days } }),

  routingRules: (page: number, pageSize: number, categoryCode?: string) =>
    call(routingRuleRoutes.list, { query: { page, pageSize, categoryCode } }),
  createRoutingRule: (input: RoutingRuleInput) => call(routingRuleRoutes.create, { body: input }),
  deleteRoutingRule: (id: string) => call(routingRuleRoutes.remove, { params: { id } }),
};

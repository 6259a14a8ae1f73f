import { z } from 'zod';
import {
  ConfigCategoryInputSchema,
  ConfigCategoryPageSchema,
  ConfigCategoryPatchSchema,
  ConfigCategoryQuerySchema,
  ConfigCategorySchema,
  ConfigDepartmentInputSchema,
  ConfigDepartmentPageSchema,
  ConfigDepartmentPatchSchema,
  ConfigDepartmentQuerySchema,
  ConfigDepartmentSchema,
  ConfigRegionInputSchema,
  ConfigRegionPageSchema,
  ConfigRegionPatchSchema,
  ConfigRegionQuerySchema,
  ConfigRegionSchema,
  ConfigServicePatchSchema,
  ConfigServiceSchema,
  HolidayScheduleBodySchema,
  HolidayYearListSchema,
  HolidayYearSchema,
} from '../schemas/staffConfig';
import { created, defineRoute, jsonBody, named, ok } from './route';

/** 配置管理: the reference data every report depends on (county, sysadmin). */
export const STAFF_CONFIG_TAG = {
  name: 'staff-config',
  description: '配置管理 / Regions, departments, categories, services and holidays (county, sysadmin)',
} as const;
const tags = [STAFF_CONFIG_TAG.name] as const;
const common = { tags, access: 'staff', policy: 'config' } as const;
const region = named('ConfigRegion', ConfigRegionSchema);
const department = named('ConfigDepartment', ConfigDepartmentSchema);
const category = named('ConfigCategory', ConfigCategorySchema);
const holidayYear = named('HolidayYear', HolidayYearSchema);

/** /staff/config/…: rows that reports refer to are disabled, never deleted; every change is audited. */
export const staffConfigRoutes = {
  regions: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/config/regions',
    summary: "区域与网格 / The regions below a parent (default: the top of one's scope)",
    description:
      "Who: county (own county), sysadmin; categories, services and holidays county-wide. 配置: regions and grids, departments, categories with tier and deadlines, services; rows are disabled (停用), never deleted; a year's holiday schedule entered here replaces the built-in one (`deadlines/holidays.ts`) and new deadlines use it at once",
    query: ConfigRegionQuerySchema,
    responses: [ok(named('ConfigRegionPage', ConfigRegionPageSchema))],
    errors: [400, 401, 403],
  }),
  createRegion: defineRoute({
    ...common,
    method: 'post',
    path: '/staff/config/regions',
    summary: '新增区域或网格 / Add a region; its parent and level follow from the code',
    body: jsonBody('ConfigRegionInput', ConfigRegionInputSchema),
    responses: [created(region)],
    errors: [400, 401, 403, 409],
  }),
  updateRegion: defineRoute({
    ...common,
    method: 'patch',
    path: '/staff/config/regions/:code',
    summary: '修改或停用区域 / Rename, reorder, disable or enable a region',
    body: jsonBody('ConfigRegionPatch', ConfigRegionPatchSchema),
    responses: [ok(region)],
    errors: [400, 401, 403, 404],
  }),
  departments: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/config/departments',
    summary: "部门 / Departments serving one's region",
    query: ConfigDepartmentQuerySchema,
    responses: [ok(named('ConfigDepartmentPage', ConfigDepartmentPageSchema))],
    errors: [400, 401, 403],
  }),
  createDepartment: defineRoute({
    ...common,
    method: 'post',
    path: '/staff/config/departments',
    summary: '新增部门 / Add a department; its level follows from the region served',
    body: jsonBody('ConfigDepartmentInput', ConfigDepartmentInputSchema),
    responses: [created(department)],
    errors: [400, 401, 403],
  }),
  updateDepartment: defineRoute({
    ...common,
    method: 'patch',
    path: '/staff/config/departments/:id',
    summary: '修改或停用部门 / Rename, change the kind, disable or enable a department',
    body: jsonBody('ConfigDepartmentPatch', ConfigDepartmentPatchSchema),
    responses: [ok(department)],
    errors: [400, 401, 403, 404],
  }),
  categories: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/config/categories',
    summary: '分类 / Categories with tier and deadlines, disabled ones included',
    query: ConfigCategoryQuerySchema,
    responses: [ok(named('ConfigCategoryPage', ConfigCategoryPageSchema))],
    errors: [400, 401, 403],
  }),
  createCategory: defineRoute({
    ...common,
    method: 'post',
    path: '/staff/config/categories',
    summary: '新增分类 / Add a category',
    body: jsonBody('ConfigCategoryInput', ConfigCategoryInputSchema),
    responses: [created(category)],
    errors: [400, 401, 403, 409],
  }),
  updateCategory: defineRoute({
    ...common,
    method: 'patch',
    path: '/staff/config/categories/:code',
    summary: "修改或停用分类 / Change a category's deadlines, tier, parent, or disable it",
    body: jsonBody('ConfigCategoryPatch', ConfigCategoryPatchSchema),
    responses: [ok(category)],
    errors: [400, 401, 403, 404],
  }),
  services: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/config/services',
    summary: '服务 / The five services, closed ones included',
    responses: [ok(named('ConfigServiceList', z.array(ConfigServiceSchema)))],
    errors: [401, 403],
  }),
  updateService: defineRoute({
    ...common,
    method: 'patch',
    path: '/staff/config/services/:code',
    summary: "修改服务 / Change a service's name, description, order, or close it",
    body: jsonBody('ConfigServicePatch', ConfigServicePatchSchema),
    responses: [ok(named('ConfigService', ConfigServiceSchema))],
    errors: [400, 401, 403, 404],
  }),
  holidayYears: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/config/holidays',
    summary: '节假日年份 / Years with a holiday schedule and where each comes from',
    responses: [ok(named('HolidayYearList', HolidayYearListSchema))],
    errors: [401, 403],
  }),
  holidayYear: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/config/holidays/:year',
    summary: "某年节假日安排 / One year's holidays and make-up workdays",
    responses: [ok(holidayYear)],
    errors: [400, 401, 403],
  }),
  saveHolidayYear: defineRoute({
    ...common,
    method: 'put',
    path: '/staff/config/holidays/:year',
    summary:
      "保存某年节假日安排 / Replace a year's schedule (empty: back to the built-in one); deadlines use it at once",
    body: jsonBody('HolidaySchedule', HolidayScheduleBodySchema),
    responses: [ok(holidayYear)],
    errors: [400, 401, 403],
  }),
};

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
} from '@minqing/shared';
import type { ApiResponse, ApiRoute, RequestBody } from '../openapi/apiDocument';

/** The /staff/config routes for the OpenAPI document (routes/openapi/apiDocument.ts). */
const base = '/api/v1/staff/config';
const json = (name: string, schema: z.ZodType): RequestBody => ({ kind: 'json', schema: { name, schema } });
const ok = (name: string, schema: z.ZodType): ApiResponse => ({
  status: 200,
  description: 'OK',
  content: { kind: 'json', schema: { name, schema } },
});
const created = (name: string, schema: z.ZodType): ApiResponse => ({
  status: 201,
  description: 'Created',
  content: { kind: 'json', schema: { name, schema } },
});
const route = (entry: Omit<ApiRoute, 'tags' | 'access'>): ApiRoute => ({
  ...entry,
  tags: ['staff-config'],
  access: 'staff',
});

export const STAFF_CONFIG_TAG = {
  name: 'staff-config',
  description: '配置管理 / Regions, departments, categories, services and holidays (county, sysadmin)',
};

export const staffConfigApiRoutes: readonly ApiRoute[] = [
  route({
    method: 'get',
    path: `${base}/regions`,
    summary: "区域与网格 / The regions below a parent (default: the top of one's scope)",
    query: ConfigRegionQuerySchema,
    responses: [ok('ConfigRegionPage', ConfigRegionPageSchema)],
    errors: [400, 401, 403],
  }),
  route({
    method: 'post',
    path: `${base}/regions`,
    summary: '新增区域或网格 / Add a region; its parent and level follow from the code',
    body: json('ConfigRegionInput', ConfigRegionInputSchema),
    responses: [created('ConfigRegion', ConfigRegionSchema)],
    errors: [400, 401, 403, 409],
  }),
  route({
    method: 'patch',
    path: `${base}/regions/{code}`,
    summary: '修改或停用区域 / Rename, reorder, disable or enable a region',
    body: json('ConfigRegionPatch', ConfigRegionPatchSchema),
    responses: [ok('ConfigRegion', ConfigRegionSchema)],
    errors: [400, 401, 403, 404],
  }),
  route({
    method: 'get',
    path: `${base}/departments`,
    summary: "部门 / Departments serving one's region",
    query: ConfigDepartmentQuerySchema,
    responses: [ok('ConfigDepartmentPage', ConfigDepartmentPageSchema)],
    errors: [400, 401, 403],
  }),
  route({
    method: 'post',
    path: `${base}/departments`,
    summary: '新增部门 / Add a department; its level follows from the region served',
    body: json('ConfigDepartmentInput', ConfigDepartmentInputSchema),
    responses: [created('ConfigDepartment', ConfigDepartmentSchema)],
    errors: [400, 401, 403],
  }),
  route({
    method: 'patch',
    path: `${base}/departments/{id}`,
    summary: '修改或停用部门 / Rename, change the kind, disable or enable a department',
    body: json('ConfigDepartmentPatch', ConfigDepartmentPatchSchema),
    responses: [ok('ConfigDepartment', ConfigDepartmentSchema)],
    errors: [400, 401, 403, 404],
  }),
  route({
    method: 'get',
    path: `${base}/categories`,
    summary: '分类 / Categories with tier and deadlines, disabled ones included',
    query: ConfigCategoryQuerySchema,
    responses: [ok('ConfigCategoryPage', ConfigCategoryPageSchema)],
    errors: [400, 401, 403],
  }),
  route({
    method: 'post',
    path: `${base}/categories`,
    summary: '新增分类 / Add a category',
    body: json('ConfigCategoryInput', ConfigCategoryInputSchema),
    responses: [created('ConfigCategory', ConfigCategorySchema)],
    errors: [400, 401, 403, 409],
  }),
  route({
    method: 'patch',
    path: `${base}/categories/{code}`,
    summary: "修改或停用分类 / Change a category's deadlines, tier, parent, or disable it",
    body: json('ConfigCategoryPatch', ConfigCategoryPatchSchema),
    responses: [ok('ConfigCategory', ConfigCategorySchema)],
    errors: [400, 401, 403, 404],
  }),
  route({
    method: 'get',
    path: `${base}/services`,
    summary: '服务 / The five services, closed ones included',
    responses: [ok('ConfigServiceList', z.array(ConfigServiceSchema))],
    errors: [401, 403],
  }),
  route({
    method: 'patch',
    path: `${base}/services/{code}`,
    summary: "修改服务 / Change a service's name, description, order, or close it",
    body: json('ConfigServicePatch', ConfigServicePatchSchema),
    responses: [ok('ConfigService', ConfigServiceSchema)],
    errors: [400, 401, 403, 404],
  }),
  route({
    method: 'get',
    path: `${base}/holidays`,
    summary: '节假日年份 / Years with a holiday schedule and where each comes from',
    responses: [ok('HolidayYearList', HolidayYearListSchema)],
    errors: [401, 403],
  }),
  route({
    method: 'get',
    path: `${base}/holidays/{year}`,
    summary: "某年节假日安排 / One year's holidays and make-up workdays",
    responses: [ok('HolidayYear', HolidayYearSchema)],
    errors: [400, 401, 403],
  }),
  route({
    method: 'put',
    path: `${base}/holidays/{year}`,
    summary:
      "保存某年节假日安排 / Replace a year's schedule (empty: back to the built-in one); deadlines use it at once",
    body: json('HolidaySchedule', HolidayScheduleBodySchema),
    responses: [ok('HolidayYear', HolidayYearSchema)],
    errors: [400, 401, 403],
  }),
];

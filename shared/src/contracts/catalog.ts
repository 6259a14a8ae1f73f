import { z } from 'zod';
import {
  CategorySchema,
  DepartmentSchema,
  DeputiesQuerySchema,
  DeputySchema,
  RegionNodeSchema,
  RegionTreeQuerySchema,
  ServiceSchema,
} from '../schemas/catalog';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { defineRoute, named, ok } from './route';

const tags = ['catalog'] as const;
const endpoints = CITIZEN_ENDPOINTS.catalog;

/** 基础数据: services, regions, categories and deputies are public (the mini-program shows them before sign-in). */
export const catalogRoutes = {
  services: defineRoute({
    ...endpoints.services,
    summary: '民情直达服务 / The report services',
    description: 'Who: public. 民情直达 services, region tree (`?depth=village`), category tree',
    tags,
    responses: [ok(named('ServiceList', z.array(ServiceSchema)))],
    errors: [],
  }),
  regions: defineRoute({
    ...endpoints.regions,
    summary: '行政区划树 / The region tree (county → township → village → grid)',
    tags,
    query: RegionTreeQuerySchema,
    responses: [ok(named('RegionTree', z.array(RegionNodeSchema)))],
    errors: [400],
  }),
  categories: defineRoute({
    ...endpoints.categories,
    summary: '事项分类 / Report categories',
    tags,
    responses: [ok(named('CategoryList', z.array(CategorySchema)))],
    errors: [],
  }),
  deputies: defineRoute({
    ...endpoints.deputies,
    summary: '人大代表 / Deputies of a village, its township and its county, nearest first',
    description:
      "Who: public. The people's deputies (人大代表) of a village, its township and county, for 代表工作 reports (`deputyId`)",
    tags,
    query: DeputiesQuerySchema,
    responses: [ok(named('DeputyList', z.array(DeputySchema)))],
    errors: [400],
  }),
  departments: defineRoute({
    method: 'get',
    path: '/staff/departments',
    summary: '可派单部门 / Departments the staff member may dispatch to',
    description: 'Who: staff. Departments one may dispatch to',
    tags,
    access: 'staff',
    policy: 'anyStaff',
    responses: [ok(named('DepartmentList', z.array(DepartmentSchema)))],
    errors: [401],
  }),
};

import { created, named, ok } from '@minqing/shared';
import { z } from 'zod';
import {
  HouseholdImportResultSchema,
  HouseholdInputSchema,
  HouseholdPageSchema,
  HouseholdQuerySchema,
  HouseholdSchema,
  IdempotencyKeySchema,
  NotVisitedQuerySchema,
  SupervisionQuerySchema,
  SupervisionSchema,
  VisitInputSchema,
  VisitPageSchema,
  VisitQuerySchema,
  VisitSchema,
} from '@minqing/shared';
import type { ApiRoute, HeaderParameter } from './apiDocument';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const HOUSEHOLDS_TAG = {
  name: 'staff-households',
  description: '住户与走访 / The household roster, 三线 members and visits',
} as const;
const tags = [HOUSEHOLDS_TAG.name];
const householdPage = named('HouseholdPage', HouseholdPageSchema);
const visitKey: HeaderParameter = {
  name: 'Idempotency-Key',
  description: '重复提交同一编号返回同一次走访 / The same key again answers the visit already logged',
  required: false,
  schema: IdempotencyKeySchema,
};

/** 住户花名册 and 走访, scoped like everything else a staff member sees (policies/household). */
export const householdRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/staff/households',
    summary: "住户花名册 / Households within one's scope (a 三线 member: their own), phones masked",
    tags,
    access: 'staff',
    query: HouseholdQuerySchema,
    responses: [ok(householdPage)],
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: '/api/v1/staff/households',
    summary: "新增住户 / Add a household to a grid of one's region",
    tags,
    access: 'staff',
    body: { kind: 'json', schema: named('HouseholdInput', HouseholdInputSchema) },
    responses: [created(named('Household', HouseholdSchema))],
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/v1/staff/households/import-template',
    summary: '住户导入模板 / The .xlsx template, with the grids one may fill and the tags',
    tags,
    access: 'staff',
    responses: [
      {
        status: 200,
        description: 'OK（.xlsx，Content-Disposition: attachment）',
        content: { kind: 'binary', mediaTypes: [XLSX] },
      },
    ],
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/v1/staff/households/import',
    summary:
      '导入住户 / Import an .xlsx roster, all rows or none: a refused file answers 400 with `rowErrors` [{row, column, message}]',
    tags,
    access: 'staff',
    body: { kind: 'multipart', schema: named('HouseholdImportForm', z.object({ file: z.file() })) },
    responses: [created(named('HouseholdImportResult', HouseholdImportResultSchema))],
    errors: [400, 401, 403, 413],
  },
  {
    method: 'get',
    path: '/api/v1/staff/visits',
    summary: "走访记录 / Visits to households within one's scope, newest first",
    tags,
    access: 'staff',
    query: VisitQuerySchema,
    responses: [ok(named('VisitPage', VisitPageSchema))],
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: '/api/v1/staff/visits',
    summary:
      '记录走访 / Log a visit to a household one looks after, with photos; the same Idempotency-Key again answers the same visit',
    tags,
    access: 'staff',
    headers: [visitKey],
    body: { kind: 'json', schema: named('VisitInput', VisitInputSchema) },
    responses: [created(named('Visit', VisitSchema))],
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/v1/staff/supervision',
    summary:
      '走访督导 / Per grid and per 三线 member for a month: households, visits, not visited in 30 days, settled on the spot',
    tags,
    access: 'staff',
    query: SupervisionQuerySchema,
    responses: [ok(named('Supervision', SupervisionSchema))],
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/v1/staff/supervision/not-visited',
    summary: '未走访名单 / Households nobody visited in 30 days, by grid or 三线 member, phones masked',
    tags,
    access: 'staff',
    query: NotVisitedQuerySchema,
    responses: [ok(householdPage)],
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/v1/staff/supervision/export',
    summary: "导出走访督导 / The month's tables and the 未走访 list as .xlsx (audited)",
    tags,
    access: 'staff',
    query: SupervisionQuerySchema,
    responses: [
      {
        status: 200,
        description: 'OK（.xlsx，Content-Disposition: attachment）',
        content: { kind: 'binary', mediaTypes: [XLSX] },
      },
    ],
    errors: [400, 401, 403],
  },
];

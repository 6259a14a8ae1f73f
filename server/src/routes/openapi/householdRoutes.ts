import {
  HOUSEHOLDS_TAG,
  HouseholdPageSchema,
  NotVisitedQuerySchema,
  SupervisionQuerySchema,
  SupervisionSchema,
  XLSX_MEDIA_TYPE as XLSX,
  named,
  ok,
} from '@minqing/shared';
import type { ApiRoute } from './apiDocument';

const tags = [HOUSEHOLDS_TAG.name];
const householdPage = named('HouseholdPage', HouseholdPageSchema);

/** 走访督导 for the county and the towns (policies/household). */
export const supervisionRoutes: ApiRoute[] = [
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

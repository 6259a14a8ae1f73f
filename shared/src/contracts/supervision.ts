import { NotVisitedQuerySchema, SupervisionQuerySchema, SupervisionSchema } from '../schemas/households';
import { HOUSEHOLDS_TAG, XLSX_MEDIA_TYPE, householdPage } from './households';
import { defineRoute, named, ok } from './route';

const tags = [HOUSEHOLDS_TAG.name] as const;

/** 走访督导: per grid and per 三线 member for a month, the 未走访 list behind the figure, the workbook. */
export const supervisionRoutes = {
  month: defineRoute({
    method: 'get',
    path: '/staff/supervision',
    summary:
      '走访督导 / Per grid and per 三线 member for a month: households, visits, not visited in 30 days, settled on the spot',
    description:
      "Who: cadre, dispatcher, county within their region. 走访督导 per grid and per 三线 member: households looked after, visits, households not visited in 30 days (as of the month's end, or now), 代报 filed, matters settled on the spot; definitions in Chinese; the 未走访 list (phones masked); the .xlsx export is audited",
    tags,
    access: 'staff',
    policy: 'supervise',
    query: SupervisionQuerySchema,
    responses: [ok(named('Supervision', SupervisionSchema))],
    errors: [400, 401, 403],
  }),
  notVisited: defineRoute({
    method: 'get',
    path: '/staff/supervision/not-visited',
    summary: '未走访名单 / Households nobody visited in 30 days, by grid or 三线 member, phones masked',
    tags,
    access: 'staff',
    policy: 'supervise',
    query: NotVisitedQuerySchema,
    responses: [ok(householdPage)],
    errors: [400, 401, 403],
  }),
  export: defineRoute({
    method: 'get',
    path: '/staff/supervision/export',
    summary: "导出走访督导 / The month's tables and the 未走访 list as .xlsx (audited)",
    tags,
    access: 'staff',
    policy: 'supervise',
    query: SupervisionQuerySchema,
    responses: [
      {
        status: 200,
        description: 'OK（.xlsx，Content-Disposition: attachment）',
        content: { kind: 'binary', mediaTypes: [XLSX_MEDIA_TYPE] },
      },
    ],
    errors: [400, 401, 403],
  }),
};

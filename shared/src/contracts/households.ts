import { z } from 'zod';
import { IdempotencyKeySchema } from '../schemas/common';
import {
  HouseholdImportResultSchema,
  HouseholdInputSchema,
  HouseholdPageSchema,
  HouseholdQuerySchema,
  HouseholdSchema,
  VisitInputSchema,
  VisitPageSchema,
  VisitQuerySchema,
  VisitSchema,
} from '../schemas/households';
import { type HeaderParameter, created, defineRoute, jsonBody, named, ok } from './route';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** 住户与走访: the household roster, 三线 members, visits and their supervision. */
export const HOUSEHOLDS_TAG = {
  name: 'staff-households',
  description: '住户与走访 / The household roster, 三线 members and visits',
} as const;
const tags = [HOUSEHOLDS_TAG.name] as const;
export const householdPage = named('HouseholdPage', HouseholdPageSchema);
const visitKey: HeaderParameter = {
  name: 'Idempotency-Key',
  description: '重复提交同一编号返回同一次走访 / The same key again answers the visit already logged',
  required: false,
  schema: IdempotencyKeySchema,
};

/** 住户花名册 and 走访, scoped like everything else a staff member sees (policies/household). */
export const householdRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/staff/households',
    summary: "住户花名册 / Households within one's scope (a 三线 member: their own), phones masked",
    description:
      'Who: list: grid worker (their grid), 三线成员 (their own households), cadre (village), dispatcher (township), county; add: grid worker, cadre, dispatcher, county within their region. 住户花名册: grid, head of household, address, phone (AES-GCM with a lookup hash, always answered masked), members, tags (`HOUSEHOLD_TAGS`: 独居老人, 留守儿童, 低保, 残疾 …), the 三线 member (a `liaison` account of the same grid); filters `regionCode`, `tags` (comma-separated, all must match), `liaisonId`, `keyword`; handlers and the sysadmin get 403',
    tags,
    access: 'staff',
    policy: 'households',
    query: HouseholdQuerySchema,
    responses: [ok(householdPage)],
    errors: [400, 401, 403],
  }),
  create: defineRoute({
    method: 'post',
    path: '/staff/households',
    summary: "新增住户 / Add a household to a grid of one's region",
    tags,
    access: 'staff',
    policy: 'edit_households',
    body: jsonBody('HouseholdInput', HouseholdInputSchema),
    responses: [created(named('Household', HouseholdSchema))],
    errors: [400, 401, 403],
  }),
  importTemplate: defineRoute({
    method: 'get',
    path: '/staff/households/import-template',
    summary: '住户导入模板 / The .xlsx template, with the grids one may fill and the tags',
    description:
      "Who: cadre, dispatcher, county. 导入住户: the .xlsx template (columns 网格代码, 户主姓名, 住址, 联系电话, 家庭人口, 标签, 三线成员账号; sheets listing one's grids and the tags); an import is all or nothing — one wrong row refuses the file with 400 and `rowErrors: [{row, column, message}]`, else 201 `{imported}`; audited",
    tags,
    access: 'staff',
    policy: 'import_households',
    responses: [
      {
        status: 200,
        description: 'OK（.xlsx，Content-Disposition: attachment）',
        content: { kind: 'binary', mediaTypes: [XLSX_MEDIA_TYPE] },
      },
    ],
    errors: [401, 403],
  }),
  import: defineRoute({
    method: 'post',
    path: '/staff/households/import',
    summary:
      '导入住户 / Import an .xlsx roster, all rows or none: a refused file answers 400 with `rowErrors` [{row, column, message}]',
    tags,
    access: 'staff',
    policy: 'import_households',
    body: { kind: 'multipart', schema: named('HouseholdImportForm', z.object({ file: z.file() })) },
    responses: [created(named('HouseholdImportResult', HouseholdImportResultSchema))],
    errors: [400, 401, 403, 413],
  }),
  visits: defineRoute({
    method: 'get',
    path: '/staff/visits',
    summary: "走访记录 / Visits to households within one's scope, newest first",
    description:
      "Who: list: as the roster; log: grid worker, 三线成员, cadre for a household they see. 走访: visits newest first (filters `householdId`, `regionCode`); a visit's photos are the visitor's own uploads, each used once; logging honours `Idempotency-Key` per visitor (a resend answers the visit already logged with `Idempotent-Replayed: true`, the same key with another visit is 409, a key sent empty is 400 naming the header)",
    tags,
    access: 'staff',
    policy: 'households',
    query: VisitQuerySchema,
    responses: [ok(named('VisitPage', VisitPageSchema))],
    errors: [400, 401, 403],
  }),
  logVisit: defineRoute({
    method: 'post',
    path: '/staff/visits',
    summary:
      '记录走访 / Log a visit to a household one looks after, with photos; the same Idempotency-Key again answers the same visit',
    tags,
    access: 'staff',
    policy: 'visit',
    headers: [visitKey],
    body: jsonBody('VisitInput', VisitInputSchema),
    responses: [created(named('Visit', VisitSchema))],
    errors: [400, 401, 403, 404, 409],
  }),
};

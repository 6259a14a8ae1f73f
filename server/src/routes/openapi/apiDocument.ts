import {
  DisputeRequestSchema,
  type HeaderParameter,
  IdempotencyKeySchema,
  MyReportsQuerySchema,
  MyReportsResponseSchema,
  RatingRequestSchema,
  ReportDetailSchema,
  type RouteContract,
  SubmitReportRequestSchema,
  SupplementRequestSchema,
  created,
  jsonBody,
  named,
  ok,
} from '@minqing/shared';

/** The citizen's report routes, not yet declared as contracts: listed here for the OpenAPI document. */

const schemas = {
  reportDetail: named('ReportDetail', ReportDetailSchema),
  myReports: named('ReportSummaryPage', MyReportsResponseSchema),
};

const idempotencyKey: HeaderParameter = {
  name: 'Idempotency-Key',
  description: '重复提交同一编号返回同一事项 / The same key again answers the same report',
  required: false,
  schema: IdempotencyKeySchema,
};

export const LEGACY_ROUTES: readonly RouteContract[] = [
  {
    method: 'post',
    path: '/api/v1/reports',
    summary: '提交民情 / Submit a report',
    tags: ['reports'],
    access: 'citizen',
    headers: [idempotencyKey],
    body: jsonBody('SubmitReportRequest', SubmitReportRequestSchema),
    responses: [created(schemas.reportDetail)],
    errors: [400, 401, 409],
  },
  {
    method: 'get',
    path: '/api/v1/reports/mine',
    summary: "我的民情 / The citizen's reports",
    tags: ['reports'],
    access: 'citizen',
    query: MyReportsQuerySchema,
    responses: [ok(schemas.myReports)],
    errors: [400, 401],
  },
  {
    method: 'get',
    path: '/api/v1/reports/{id}',
    summary: '民情详情与进度 / One report with its public timeline',
    tags: ['reports'],
    access: 'citizen',
    responses: [ok(schemas.reportDetail)],
    errors: [401, 404],
  },
  {
    method: 'post',
    path: '/api/v1/reports/{id}/rating',
    summary: '评价办理结果 / Rate the handling, 1–5',
    tags: ['reports'],
    access: 'citizen',
    body: jsonBody('RatingRequest', RatingRequestSchema),
    responses: [ok(schemas.reportDetail)],
    errors: [400, 401, 404, 409],
  },
  {
    method: 'post',
    path: '/api/v1/reports/{id}/dispute',
    summary: '申请重新办理 / Dispute the result',
    tags: ['reports'],
    access: 'citizen',
    body: jsonBody('DisputeRequest', DisputeRequestSchema),
    responses: [ok(schemas.reportDetail)],
    errors: [400, 401, 404, 409],
  },
  {
    method: 'post',
    path: '/api/v1/reports/{id}/supplements',
    summary: '补充材料 / Add text or photos to a report',
    tags: ['reports'],
    access: 'citizen',
    body: jsonBody('SupplementRequest', SupplementRequestSchema),
    responses: [created(schemas.reportDetail)],
    errors: [400, 401, 404, 409],
  },
];

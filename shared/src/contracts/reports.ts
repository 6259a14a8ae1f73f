import { IdempotencyKeySchema } from '../schemas/common';
import {
  DisputeRequestSchema,
  MyReportsQuerySchema,
  MyReportsResponseSchema,
  RatingRequestSchema,
  ReportDetailSchema,
  SubmitReportRequestSchema,
  SupplementRequestSchema,
} from '../schemas/reports';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { created, defineRoute, jsonBody, named, ok } from './route';

const tags = ['reports'] as const;
const endpoints = CITIZEN_ENDPOINTS.reports;
const reportDetail = named('ReportDetail', ReportDetailSchema);

/** The citizen's side of a report (PRODUCT.md §11): submit, 我的民情, its progress, rate, dispute, add to it. */
export const citizenReportRoutes = {
  submit: defineRoute({
    ...endpoints.submit,
    summary: '提交民情 / Submit a report',
    description:
      'Who: citizen. Submit; honours `Idempotency-Key` (a retry answers the same report; a key sent empty is 400 naming the header)',
    tags,
    headers: [
      {
        name: 'Idempotency-Key',
        description: '重复提交同一编号返回同一事项 / The same key again answers the same report',
        required: false,
        schema: IdempotencyKeySchema,
      },
    ],
    body: jsonBody('SubmitReportRequest', SubmitReportRequestSchema),
    responses: [created(reportDetail)],
    errors: [400, 401, 409],
  }),
  mine: defineRoute({
    ...endpoints.mine,
    summary: "我的民情 / The citizen's reports",
    description: 'Who: citizen. Own reports; one with its public timeline and allowed actions',
    tags,
    query: MyReportsQuerySchema,
    responses: [ok(named('ReportSummaryPage', MyReportsResponseSchema))],
    errors: [400, 401],
  }),
  detail: defineRoute({
    ...endpoints.detail,
    summary: '民情详情与进度 / One report with its public timeline',
    tags,
    responses: [ok(reportDetail)],
    errors: [401, 404],
  }),
  rate: defineRoute({
    ...endpoints.rate,
    summary: '评价办理结果 / Rate the handling, 1–5',
    description: 'Who: citizen. 1–5; ≤ 2 reopens the report',
    tags,
    body: jsonBody('RatingRequest', RatingRequestSchema),
    responses: [ok(reportDetail)],
    errors: [400, 401, 404, 409],
  }),
  dispute: defineRoute({
    ...endpoints.dispute,
    summary: '申请重新办理 / Dispute the result',
    description: 'Who: citizen. 要求重办; 补充说明',
    tags,
    body: jsonBody('DisputeRequest', DisputeRequestSchema),
    responses: [ok(reportDetail)],
    errors: [400, 401, 404, 409],
  }),
  supplement: defineRoute({
    ...endpoints.supplement,
    summary: '补充材料 / Add text or photos to a report',
    tags,
    body: jsonBody('SupplementRequest', SupplementRequestSchema),
    responses: [created(reportDetail)],
    errors: [400, 401, 404, 409],
  }),
};

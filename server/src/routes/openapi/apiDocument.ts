import {
  API_CONTRACTS,
  HOUSEHOLDS_TAG,
  STAFF_CONFIG_TAG,
  OPEN311_TAG,
  PARTNERS_TAG,
  STAFF_PAYOUTS_TAG,
  WECHATPAY_TAG,
  type HeaderParameter,
  type NamedSchema,
  type RouteContract,
  created,
  jsonBody,
  named,
  ok,
} from '@minqing/shared';
import {
  AttachmentSchema,
  DisputeRequestSchema,
  LocationSchema,
  MyReportsQuerySchema,
  MyReportsResponseSchema,
  HealthSchema,
  IdempotencyKeySchema,
  RatingRequestSchema,
  RegionNodeSchema,
  ReportDetailSchema,
  SubmitReportRequestSchema,
  SupplementRequestSchema,
  TimelineEventSchema,
} from '@minqing/shared';

/**
 * The route table the OpenAPI document is generated from: one entry per route the app
 * registers (the openapi test fails when one is missing). Shapes are the shared zod schemas;
 * each is published once under components/schemas by the name given here.
 */

export type {
  Access,
  ApiResponse,
  ErrorStatus,
  HeaderParameter,
  HttpMethod,
  NamedSchema,
  RequestBody,
} from '@minqing/shared';
export { named };

/** A route as OpenAPI lists it: the contract's path with the /api/v1 prefix and `{id}` parameters. */
export type ApiRoute = RouteContract;

/** `/staff/reply-templates/:id` → `/api/v1/staff/reply-templates/{id}` (a root route keeps its whole path). */
export const documented = (contract: RouteContract): ApiRoute => ({
  ...contract,
  path: `${contract.root ? '' : '/api/v1'}${contract.path.replace(/:(\w+)/g, '{$1}')}`,
});

/**
 * Published under their own names and referenced from the schemas that contain them; RegionNode
 * must be here because it is recursive. (ErrorBody is added by the document builder.)
 */
export const BUILDING_BLOCKS: readonly NamedSchema[] = [
  named('RegionNode', RegionNodeSchema),
  named('Attachment', AttachmentSchema),
  named('TimelineEvent', TimelineEventSchema),
  named('Location', LocationSchema),
];

const schemas = {
  health: named('Health', HealthSchema),
  reportDetail: named('ReportDetail', ReportDetailSchema),
  myReports: named('ReportSummaryPage', MyReportsResponseSchema),
};

const systemRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: '存活与数据库检查 / Liveness and database check',
    tags: ['system'],
    access: 'public',
    responses: [
      ok(schemas.health),
      {
        status: 503,
        description: '数据库不可用 / Database unreachable',
        content: { kind: 'json', schema: schemas.health },
      },
    ],
    errors: [],
  },
];

const idempotencyKey: HeaderParameter = {
  name: 'Idempotency-Key',
  description: '重复提交同一编号返回同一事项 / The same key again answers the same report',
  required: false,
  schema: IdempotencyKeySchema,
};

const citizenReportRoutes: ApiRoute[] = [
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

export const API_ROUTES: readonly ApiRoute[] = [
  ...API_CONTRACTS.map(documented),
  ...systemRoutes,
  ...citizenReportRoutes,
];

/** Tag descriptions, in the order a reader meets them. */
export const API_TAGS: readonly { name: string; description: string }[] = [
  { name: 'system', description: '系统 / Health and this document' },
  { name: 'auth', description: '群众登录 / Citizen sign-in' },
  { name: 'me', description: '我的资料 / The citizen profile' },
  { name: 'staff-auth', description: '工作人员登录 / Staff sign-in' },
  { name: 'staff-accounts', description: '账号管理、修改密码与审计日志 / Staff accounts, own password, the audit log' },
  { name: 'catalog', description: '基础数据 / Services, regions, categories, departments' },
  { name: 'uploads', description: '附件 / Photos and voice clips' },
  { name: 'reports', description: '民情直达（群众）/ Reports, citizen side' },
  { name: 'staff-reports', description: '民情办理（工作人员）/ Reports, staff side' },
  { name: 'notices', description: '政务村务 / Notices' },
  { name: 'articles', description: '消息推送 / Articles' },
  { name: 'staff-notices', description: '公告管理 / Notices, staff side' },
  { name: 'staff-articles', description: '文章管理 / Articles, staff side' },
  { name: 'stats', description: '统计与排行 / Performance figures and the public ranking' },
  { name: 'reply-templates', description: '答复模板 / Reply templates per category and region' },
  { name: 'routing', description: "智能分派 / Routing rules and dispatchers' corrections" },
  STAFF_CONFIG_TAG,
  { name: 'messages', description: '消息中心（群众）/ In-app messages, citizen side' },
  { name: 'staff-messages', description: '消息中心（工作人员）/ In-app messages, staff side' },
  { name: 'wechat', description: '内容安全 / WeChat message push, signed media links, moderation' },
  { name: 'push', description: '消息订阅 / WeChat subscribe messages and follows' },
  { name: 'points', description: '治理积分与积分超市（群众）/ Points and the village shop, citizen side' },
  { name: 'staff-points', description: '积分管理 / Points rules, shop, redemptions, volunteering and the ledger' },
  STAFF_PAYOUTS_TAG,
  WECHATPAY_TAG,
  HOUSEHOLDS_TAG,
  PARTNERS_TAG,
  OPEN311_TAG,
];

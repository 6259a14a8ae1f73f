import { z } from 'zod';
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
  ArticleListQuerySchema,
  ArticlePageSchema,
  ArticleSchema,
  AttachmentSchema,
  CategorySchema,
  CitizenLoginResponseSchema,
  CitizenUserSchema,
  DepartmentSchema,
  DeputiesQuerySchema,
  DeputySchema,
  DevLoginRequestSchema,
  DisputeRequestSchema,
  LocationSchema,
  MyReportsQuerySchema,
  MyReportsResponseSchema,
  NoticeDetailQuerySchema,
  NoticeListQuerySchema,
  NoticePageSchema,
  NoticeSchema,
  HealthSchema,
  IdempotencyKeySchema,
  RegionTreeQuerySchema,
  RatingRequestSchema,
  RegionNodeSchema,
  ReportDetailSchema,
  ServiceSchema,
  SubmitReportRequestSchema,
  SupplementRequestSchema,
  TimelineEventSchema,
  UpdateProfileRequestSchema,
  BindPhoneRequestSchema,
  UploadFieldsSchema,
  UploadResponseSchema,
  VOICE_TYPES,
  WechatLoginRequestSchema,
} from '@minqing/shared';
import { RankingsQuerySchema, RankingsResponseSchema } from '@minqing/shared';
import { MessageListQuerySchema, MessagePageSchema, MessageSchema } from '@minqing/shared';
import { DeletionRequestBodySchema, DeletionRequestSchema, MyDataFileSchema } from '@minqing/shared';
import { payoutRoutes, pointsRoutes } from './pointsRoutes';
import { directUploadRoutes, pushRoutes } from './pushRoutes';
import { opennessRoutes } from './opennessRoutes';

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

const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
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
  openApi: named('OpenApiDocument', OpenApiDocumentSchema),
  citizenLogin: named('CitizenLoginResponse', CitizenLoginResponseSchema),
  citizen: named('CitizenUser', CitizenUserSchema),
  services: named('ServiceList', z.array(ServiceSchema)),
  regions: named('RegionTree', z.array(RegionNodeSchema)),
  categories: named('CategoryList', z.array(CategorySchema)),
  departments: named('DepartmentList', z.array(DepartmentSchema)),
  upload: named('Upload', UploadResponseSchema),
  uploadForm: named('UploadForm', UploadFieldsSchema.extend({ file: z.file() })),
  reportDetail: named('ReportDetail', ReportDetailSchema),
  myReports: named('ReportSummaryPage', MyReportsResponseSchema),
  notice: named('Notice', NoticeSchema),
  notices: named('NoticePage', NoticePageSchema),
  article: named('Article', ArticleSchema),
  articles: named('ArticlePage', ArticlePageSchema),
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
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: '本接口文档 / This OpenAPI document',
    tags: ['system'],
    access: 'public',
    responses: [ok(schemas.openApi)],
    errors: [],
  },
];

const citizenAccountRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/v1/auth/wechat-login',
    summary: '微信登录 / Citizen sign-in through WeChat code2Session',
    tags: ['auth'],
    access: 'public',
    body: jsonBody('WechatLoginRequest', WechatLoginRequestSchema),
    responses: [ok(schemas.citizenLogin)],
    errors: [400, 429, 502, 503],
  },
  {
    method: 'post',
    path: '/api/v1/auth/dev-login',
    summary: '演示登录（仅演示模式）/ Sign in by openid, demo mode only',
    tags: ['auth'],
    access: 'public',
    body: jsonBody('DevLoginRequest', DevLoginRequestSchema),
    responses: [ok(schemas.citizenLogin)],
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/v1/me',
    summary: '我的资料 / The signed-in citizen',
    tags: ['me'],
    access: 'citizen',
    responses: [ok(schemas.citizen)],
    errors: [401],
  },
  {
    method: 'patch',
    path: '/api/v1/me',
    summary: '修改我的资料 / Update the citizen profile',
    tags: ['me'],
    access: 'citizen',
    body: jsonBody('UpdateProfileRequest', UpdateProfileRequestSchema),
    responses: [ok(schemas.citizen)],
    errors: [400, 401],
  },
  {
    method: 'post',
    path: '/api/v1/me/phone',
    summary:
      '绑定手机号 / Bind the phone number from a getPhoneNumber code (getuserphonenumber); answers the profile, phone masked',
    tags: ['me'],
    access: 'citizen',
    body: jsonBody('BindPhoneRequest', BindPhoneRequestSchema),
    responses: [ok(schemas.citizen)],
    errors: [400, 401, 429, 502, 503],
  },
];

const catalogRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/services',
    summary: '民情直达服务 / The report services',
    tags: ['catalog'],
    access: 'public',
    responses: [ok(schemas.services)],
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/regions',
    summary: '行政区划树 / The region tree (county → township → village → grid)',
    tags: ['catalog'],
    access: 'public',
    query: RegionTreeQuerySchema,
    responses: [ok(schemas.regions)],
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/categories',
    summary: '事项分类 / Report categories',
    tags: ['catalog'],
    access: 'public',
    responses: [ok(schemas.categories)],
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/staff/departments',
    summary: '可派单部门 / Departments the staff member may dispatch to',
    tags: ['catalog'],
    access: 'staff',
    responses: [ok(schemas.departments)],
    errors: [401],
  },
];

const uploadRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/v1/uploads',
    summary:
      '上传照片或语音 / Upload one photo or voice clip (voice: mp3/aac/m4a, PCM WAV, Ogg/WebM; ≤ 60 s and 2.25 MB, so that Tencent ASR can transcribe it)',
    tags: ['uploads'],
    access: 'citizenOrStaff',
    body: { kind: 'multipart', schema: schemas.uploadForm },
    responses: [created(schemas.upload)],
    errors: [400, 401, 413, 415],
  },
  {
    method: 'get',
    path: '/api/v1/uploads/{id}/content',
    summary: '附件内容 / The bytes of an attachment',
    tags: ['uploads'],
    access: 'citizenOrStaff',
    responses: [
      { status: 200, description: 'OK', content: { kind: 'binary', mediaTypes: ['image/jpeg', ...VOICE_TYPES] } },
    ],
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/v1/uploads/{id}/link',
    summary:
      '附件临时链接 / A 5-minute signed link to the bytes in object storage (null: fetch …/content with the token)',
    tags: ['uploads'],
    access: 'citizenOrStaff',
    responses: [ok(named('AttachmentLink', z.object({ url: z.string().nullable() })))],
    errors: [401, 403, 404],
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

const contentRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/notices',
    summary: '政务村务公告 / The village notice board',
    tags: ['notices'],
    access: 'citizen',
    query: NoticeListQuerySchema,
    responses: [ok(schemas.notices)],
    errors: [400, 401],
  },
  {
    method: 'get',
    path: '/api/v1/notices/{id}',
    summary: '公告详情 / One notice',
    tags: ['notices'],
    access: 'citizen',
    query: NoticeDetailQuerySchema,
    responses: [ok(schemas.notice)],
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/api/v1/articles',
    summary: '消息推送 / Policy information and guides',
    tags: ['articles'],
    access: 'citizen',
    query: ArticleListQuerySchema,
    responses: [ok(schemas.articles)],
    errors: [400, 401],
  },
  {
    method: 'get',
    path: '/api/v1/articles/{id}',
    summary: '文章详情 / One article',
    tags: ['articles'],
    access: 'citizen',
    responses: [ok(schemas.article)],
    errors: [401, 404],
  },
];

const statsRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/public/rankings',
    summary: '部门排行榜（公开）/ The public monthly ranking of departments, townships and counties',
    tags: ['stats'],
    access: 'public',
    query: RankingsQuerySchema,
    responses: [ok(named('Rankings', RankingsResponseSchema))],
    errors: [400],
  },
];

/** 消息中心: the same two routes for citizens and for staff, each seeing only their own messages. */
function messageRoutes(base: string, access: 'citizen' | 'staff', tag: string): ApiRoute[] {
  const who = access === 'citizen' ? '群众' : '工作人员';
  return [
    {
      method: 'get',
      path: base,
      summary: `${who}消息列表 / The ${access}'s messages, newest first, with the unread count`,
      tags: [tag],
      access,
      query: MessageListQuerySchema,
      responses: [ok(named('MessagePage', MessagePageSchema))],
      errors: [400, 401],
    },
    {
      method: 'post',
      path: `${base}/{id}/read`,
      summary: `标记已读 / Mark one of the ${access}'s messages read`,
      tags: [tag],
      access,
      responses: [ok(named('Message', MessageSchema))],
      errors: [400, 401, 403, 404],
    },
  ];
}

/** 个人信息权益 (PIPL): the citizen's own data, exported, and the request to delete the account. */
const dataRightsRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/me/export',
    summary: '导出我的数据 / Everything held about the signed-in citizen, as a JSON attachment labelled in Chinese',
    tags: ['me'],
    access: 'citizen',
    responses: [ok(named('MyDataFile', MyDataFileSchema), 'OK（Content-Disposition: attachment）')],
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/v1/me/deletion-request',
    summary: '申请注销账号 / Ask for the account to be deleted; asking again answers the pending request',
    tags: ['me'],
    access: 'citizen',
    body: jsonBody('DeletionRequestBody', DeletionRequestBodySchema),
    responses: [
      {
        status: 202,
        description: '已受理，15 个工作日内处理 / Accepted, handled within 15 working days',
        content: { kind: 'json', schema: named('DeletionRequest', DeletionRequestSchema) },
      },
    ],
    errors: [400, 401],
  },
];

/** WeChat content security: the message push WeChat calls, the signed media links it fetches, and staff moderation. */
const PushQuerySchema = z.object({
  signature: z.string().optional(),
  timestamp: z.string().optional(),
  nonce: z.string().optional(),
  echostr: z.string().optional(),
  encrypt_type: z.enum(['aes']).optional(),
  msg_signature: z.string().optional(),
});
const contentSecurityRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/wechat/push',
    summary: '微信消息推送 URL 验证 / WeChat message push handshake: answers echostr to a correctly signed request',
    tags: ['wechat'],
    access: 'public',
    query: PushQuerySchema,
    responses: [{ status: 200, description: 'echostr', content: { kind: 'binary', mediaTypes: ['text/plain'] } }],
    errors: [403, 503],
  },
  {
    method: 'post',
    path: '/api/v1/wechat/push',
    summary:
      '微信消息推送 / WeChat push events (JSON, plaintext or AES mode); wxa_media_check verdicts update the attachment',
    tags: ['wechat'],
    access: 'public',
    query: PushQuerySchema,
    responses: [{ status: 200, description: 'success', content: { kind: 'binary', mediaTypes: ['text/plain'] } }],
    errors: [400, 403, 503],
  },
  {
    method: 'get',
    path: '/api/v1/media/{id}',
    summary: '签名媒体链接 / An attachment through a short-lived signed link (for WeChat media checks)',
    tags: ['wechat'],
    access: 'public',
    query: z.object({ expires: z.string(), signature: z.string() }),
    responses: [
      { status: 200, description: 'OK', content: { kind: 'binary', mediaTypes: ['image/jpeg', ...VOICE_TYPES] } },
    ],
    errors: [403, 404],
  },
];

/** 代表工作: the deputies a citizen may address, for the compose page's picker. */
const deputyRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/deputies',
    summary: '人大代表 / Deputies of a village, its township and its county, nearest first',
    tags: ['catalog'],
    access: 'public',
    query: DeputiesQuerySchema,
    responses: [ok(named('DeputyList', z.array(DeputySchema)))],
    errors: [400],
  },
];

export const API_ROUTES: readonly ApiRoute[] = [
  ...API_CONTRACTS.map(documented),
  ...systemRoutes,
  ...citizenAccountRoutes,
  ...catalogRoutes,
  ...uploadRoutes,
  ...citizenReportRoutes,
  ...contentRoutes,
  ...statsRoutes,
  ...messageRoutes('/api/v1/messages', 'citizen', 'messages'),
  ...messageRoutes('/api/v1/staff/messages', 'staff', 'staff-messages'),
  ...dataRightsRoutes,
  ...deputyRoutes,
  ...pointsRoutes,
  ...payoutRoutes,
  ...pushRoutes,
  ...directUploadRoutes,
  ...contentSecurityRoutes,
  ...opennessRoutes,
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

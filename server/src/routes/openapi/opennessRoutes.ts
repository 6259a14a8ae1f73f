import { named, ok } from '@minqing/shared';
import {
  FollowResultSchema,
  FollowingQuerySchema,
  FollowingResponseSchema,
  PublicReportPageSchema,
  PublicReportsQuerySchema,
  RankingTrendQuerySchema,
  RankingTrendSchema,
  SimilarReportsQuerySchema,
  SimilarReportsResponseSchema,
} from '@minqing/shared';
import {
  Open311DiscoverySchema,
  Open311RequestsQuerySchema,
  Open311ServiceDefinitionSchema,
  Open311ServiceListSchema,
  Open311ServiceRequestListSchema,
  Open311SubmitSchema,
  Open311SubmittedSchema,
} from '../open311/open311Schemas';
import type { ApiResponse, ApiRoute } from './apiDocument';

export const OPEN311_TAG = {
  name: 'open311',
  description:
    'Open311 GeoReport v2 / 合作方接口：读取与本村动态相同的公开诉求，凭 api_key 提交诉求；错误为规范格式 `[{code, description}]`（400 字段错误、401 缺少 api_key、403 密钥无效或已吊销、404 没有找到）',
};
export const PARTNERS_TAG = {
  name: 'staff-partners',
  description: '合作方 / Partner systems and their Open311 api_keys',
};

const open311 = [OPEN311_TAG.name];

const followResult: ApiResponse = ok(named('FollowResult', FollowResultSchema));

/** 本村动态, 我也遇到, the ranking's trend, Open311 and the 合作方 keys it needs (PRODUCT.md §9 Openness). */
export const opennessRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/reports/similar',
    summary:
      '相似问题（我也遇到）/ Up to five open reports of the village that look like what is being written: only what 本村动态 may show (checked text, never who reported it); never anonymous, 违法举报, 涉疫报备, 风险申报 or 代表工作, never one’s own',
    tags: ['reports'],
    access: 'citizen',
    query: SimilarReportsQuerySchema,
    responses: [ok(named('SimilarReports', SimilarReportsResponseSchema))],
    errors: [400, 401],
  },
  {
    method: 'get',
    path: '/api/v1/reports/following',
    summary: '我关注的 / The reports one follows with 我也遇到, latest joined first',
    tags: ['reports'],
    access: 'citizen',
    query: FollowingQuerySchema,
    responses: [ok(named('FollowingPage', FollowingResponseSchema))],
    errors: [400, 401],
  },
  {
    method: 'post',
    path: '/api/v1/reports/{id}/follow',
    summary:
      '我也遇到 / Follow a report /similar may list instead of filing it again (idempotent); followers get its progress messages and see its public view; 404 for any other report, one’s own included',
    tags: ['reports'],
    access: 'citizen',
    responses: [followResult],
    errors: [401, 404],
  },
  {
    method: 'delete',
    path: '/api/v1/reports/{id}/follow',
    summary: '取消关注 / Stop following a report (leaving twice changes nothing)',
    tags: ['reports'],
    access: 'citizen',
    responses: [followResult],
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/v1/public/reports',
    summary:
      '本村动态（公开）/ A village’s public 民情直通 reports of the last 90 days with their answers; no names, phones, voices or exact places',
    tags: ['stats'],
    access: 'public',
    query: PublicReportsQuerySchema,
    responses: [ok(named('PublicReportPage', PublicReportPageSchema))],
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/public/rankings/trend',
    summary: '部门趋势（公开）/ One department’s ranking figures over the last months',
    tags: ['stats'],
    access: 'public',
    query: RankingTrendQuerySchema,
    responses: [ok(named('RankingTrend', RankingTrendSchema))],
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/open311/v2/discovery.json',
    summary: 'Open311 服务发现 / GeoReport v2 service discovery',
    tags: open311,
    access: 'public',
    responses: [ok(named('Open311Discovery', Open311DiscoverySchema))],
    errors: [],
  },
  {
    method: 'get',
    path: '/open311/v2/services.json',
    summary: 'Open311 服务列表 / The request types: our categories',
    tags: open311,
    access: 'public',
    responses: [ok(named('Open311ServiceList', Open311ServiceListSchema))],
    errors: [],
  },
  {
    method: 'get',
    path: '/open311/v2/services/{service_code}.json',
    summary: 'Open311 服务定义 / A service definition (no extra attributes)',
    tags: open311,
    access: 'public',
    responses: [ok(named('Open311ServiceDefinition', Open311ServiceDefinitionSchema))],
    errors: [],
  },
  {
    method: 'get',
    path: '/open311/v2/requests.json',
    summary:
      'Open311 诉求列表 / The village boards’ public reports: the last 90 days by default, a window of at most 90 days, at most 1000',
    tags: open311,
    access: 'public',
    query: Open311RequestsQuerySchema,
    responses: [ok(named('Open311ServiceRequestList', Open311ServiceRequestListSchema))],
    errors: [],
  },
  {
    method: 'post',
    path: '/open311/v2/requests.json',
    summary:
      'Open311 提交诉求 / File a report with a partner’s api_key (form-encoded or JSON; address_id is the village code); the same request again answers the same report',
    tags: open311,
    access: 'public',
    body: { kind: 'json', schema: named('Open311Submit', Open311SubmitSchema) },
    responses: [
      {
        status: 201,
        description: 'Created',
        content: { kind: 'json', schema: named('Open311Submitted', Open311SubmittedSchema) },
      },
    ],
    errors: [],
  },
  {
    method: 'get',
    path: '/open311/v2/requests/{id}.json',
    summary: 'Open311 单条诉求 / One public report by its serial number',
    tags: open311,
    access: 'public',
    responses: [ok(named('Open311ServiceRequestList', Open311ServiceRequestListSchema))],
    errors: [],
  },
];

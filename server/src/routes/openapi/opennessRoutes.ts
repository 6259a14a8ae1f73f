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
import type { ApiResponse, ApiRoute } from './apiDocument';

const followResult: ApiResponse = ok(named('FollowResult', FollowResultSchema));

/** 本村动态, 我也遇到 and the ranking's trend (PRODUCT.md §9 Openness; Open311: shared/src/contracts/open311.ts). */
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
];

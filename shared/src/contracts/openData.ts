import {
  PublicReportPageSchema,
  PublicReportsQuerySchema,
  RankingTrendQuerySchema,
  RankingTrendSchema,
} from '../schemas/openness';
import { RankingsQuerySchema, RankingsResponseSchema } from '../schemas/stats';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { defineRoute, named, ok } from './route';

const tags = ['stats'] as const;
const endpoints = CITIZEN_ENDPOINTS.openData;

/** 本村动态 and the 部门排行榜: public by design (PRODUCT.md §6 and §9), nothing about any citizen. */
export const openDataRoutes = {
  reports: defineRoute({
    ...endpoints.reports,
    summary:
      '本村动态（公开）/ A village’s public 民情直通 reports of the last 90 days with their answers; no names, phones, voices or exact places',
    tags,
    query: PublicReportsQuerySchema,
    responses: [ok(named('PublicReportPage', PublicReportPageSchema))],
    errors: [400],
  }),
  rankings: defineRoute({
    ...endpoints.rankings,
    summary: '部门排行榜（公开）/ The public monthly ranking of departments, townships and counties',
    tags,
    query: RankingsQuerySchema,
    responses: [ok(named('Rankings', RankingsResponseSchema))],
    errors: [400],
  }),
  rankingTrend: defineRoute({
    ...endpoints.rankingTrend,
    summary: '部门趋势（公开）/ One department’s ranking figures over the last months',
    tags,
    query: RankingTrendQuerySchema,
    responses: [ok(named('RankingTrend', RankingTrendSchema))],
    errors: [400, 404],
  }),
};

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
    description:
      "Who: public. 本村动态: the village's 民情直通 reports of the last 90 days whose reporter left 公开 on and whose text passed content security (or a release in 内容审核 when WeChat is not configured): text, category, department, status, dates, checked photos (signed links, an hour) and the department's answer; never a name, phone, voice, transcript or exact place; never anonymous, 违法举报, 涉疫报备, 风险申报 or 代表工作",
    tags,
    query: PublicReportsQuerySchema,
    responses: [ok(named('PublicReportPage', PublicReportPageSchema))],
    errors: [400],
  }),
  rankings: defineRoute({
    ...endpoints.rankings,
    summary: '部门排行榜（公开）/ The public monthly ranking of departments, townships and counties',
    description:
      'Who: public. The monthly ranking of departments, townships and the county: those with at least `minReceived` reports ranked, the others under `insufficient` (样本不足), and `definitions` — how each figure is computed, in Chinese',
    tags,
    query: RankingsQuerySchema,
    responses: [ok(named('Rankings', RankingsResponseSchema))],
    errors: [400],
  }),
  rankingTrend: defineRoute({
    ...endpoints.rankingTrend,
    summary: '部门趋势（公开）/ One department’s ranking figures over the last months',
    description:
      "Who: public. One department's figures and rank month by month, as each month's ranking published them (the drill-down of 排行榜)",
    tags,
    query: RankingTrendQuerySchema,
    responses: [ok(named('RankingTrend', RankingTrendSchema))],
    errors: [400, 404],
  }),
};

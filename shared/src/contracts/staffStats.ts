import { StaffRankingQuerySchema, StaffRankingSchema } from '../schemas/exports';
import { HotspotsSchema, StaffHotspotsQuerySchema } from '../schemas/hotspots';
import {
  StaffBreakdownQuerySchema,
  StaffBreakdownSchema,
  StaffOverviewSchema,
  StaffStatsQuerySchema,
  StaffTrendsSchema,
} from '../schemas/stats';
import { XLSX_MEDIA_TYPE } from './households';
import { defineRoute, named, ok } from './route';

const common = { tags: ['stats'], access: 'staff', policy: 'stats', errors: [400, 401, 403] } as const;

/**
 * The dashboard's figures in the signed-in member's scope (a period of China calendar days,
 * optionally a narrower region): dispatchers, the county centre, sysadmins, and handlers for
 * their own department. The weekly 研判简报: staffBriefs.ts.
 */
export const staffStatsRoutes = {
  overview: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/stats/overview',
    summary: "统计概览 / Today's intake, the backlog and the period's figures in the staff member's scope",
    description:
      'Who: dispatcher, county, sysadmin; handlers for their department. The same figures as the ranking, daily trends, breakdowns',
    query: StaffStatsQuerySchema,
    responses: [ok(named('StaffStatsOverview', StaffOverviewSchema))],
  }),
  trends: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/stats/trends',
    summary: '每日趋势 / Daily received, resolved and overdue counts',
    query: StaffStatsQuerySchema,
    responses: [ok(named('StaffStatsTrends', StaffTrendsSchema))],
  }),
  breakdown: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/stats/breakdown',
    summary: "分类统计 / The period's figures by category, township, village or department",
    query: StaffBreakdownQuerySchema,
    responses: [ok(named('StaffStatsBreakdown', StaffBreakdownSchema))],
  }),
  hotspots: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/stats/hotspots',
    summary:
      '热点研判 / Village × category counts rising against the period before (环比) and the same days last year (同比), matters reported again within 30 days of a resolution, and the reports most villagers joined with 我也遇到 — in the member’s scope',
    description:
      "Who: as statistics. 热点研判: village × category rising against the period before (环比) and last year's same days (同比) (≥ 3 and more than both), matters reported again within 30 days of a resolution, reports with ≥ 2 我也遇到 followers",
    query: StaffHotspotsQuerySchema,
    responses: [ok(named('Hotspots', HotspotsSchema))],
  }),
  rankings: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/stats/rankings',
    summary:
      "辖区部门排名 / Departments ranked on the reports in the staff member's scope for a period, by the public ranking's rules",
    description:
      "Who: the same. Departments ranked by the public ranking's rules on the reports in one's scope (for the county and a calendar month: the public table); as .xlsx",
    query: StaffRankingQuerySchema,
    responses: [ok(named('StaffRanking', StaffRankingSchema))],
  }),
  rankingsExport: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/stats/rankings/export',
    summary: '导出部门排名 / The scoped department ranking as .xlsx (audited)',
    query: StaffRankingQuerySchema,
    responses: [
      {
        status: 200,
        description: 'OK（.xlsx，Content-Disposition: attachment）',
        content: { kind: 'binary', mediaTypes: [XLSX_MEDIA_TYPE] },
      },
    ],
  }),
};

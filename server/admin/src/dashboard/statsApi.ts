import type { BreakdownDimension, StaffBreakdown, StaffOverview, StaffRanking, StaffTrends } from '@minqing/shared';
import { request } from '../api';
import { type Period, periodQuery } from './period';

/** The statistics the dashboard reads (server/src/routes/staffStats, staffRankings), all in the member's scope. */
export const statsApi = {
  overview: (period: Period) => request<StaffOverview>(`/staff/stats/overview?${periodQuery(period)}`),
  trends: (period: Period) => request<StaffTrends>(`/staff/stats/trends?${periodQuery(period)}`),
  breakdown: (period: Period, by: BreakdownDimension) =>
    request<StaffBreakdown>(`/staff/stats/breakdown?${periodQuery(period)}&by=${by}`),
  ranking: (period: Period) => request<StaffRanking>(`/staff/stats/rankings?${periodQuery(period)}`),
};

/** The .xlsx of the ranking on screen (ExportButton fetches it with the token). */
export const rankingExportPath = (period: Period) => `/staff/stats/rankings/export?${periodQuery(period)}`;

import { type BreakdownDimension, staffStatsRoutes, urlOf } from '@minqing/shared';
import { call } from '../api';
import type { Period } from './period';

/** The statistics the dashboard reads (shared/src/contracts/staffStats.ts), all in the member's scope. */
export const statsApi = {
  overview: (period: Period) => call(staffStatsRoutes.overview, { query: period }),
  trends: (period: Period) => call(staffStatsRoutes.trends, { query: period }),
  breakdown: (period: Period, by: BreakdownDimension) => call(staffStatsRoutes.breakdown, { query: { ...period, by } }),
  ranking: (period: Period) => call(staffStatsRoutes.rankings, { query: period }),
};

/** The .xlsx of the ranking on screen (ExportButton fetches it with the token). */
export const rankingExportPath = (period: Period) => urlOf(staffStatsRoutes.rankingsExport, { query: period });

import type { Hotspots, WeeklyBriefList, WeeklyBriefSummary } from '@minqing/shared';
import { staffBriefRoutes, staffStatsRoutes, urlOf } from '@minqing/shared';
import { call } from '../api';
import type { Period } from './period';

/** 热点研判 and the 研判简报 (shared/src/contracts/staffStats.ts hotspots, staffBriefs.ts), in the member's scope. */
export interface HotspotsApi {
  hotspots(period: Period): Promise<Hotspots>;
  briefs(): Promise<WeeklyBriefList>;
}

export const hotspotsApi: HotspotsApi = {
  hotspots: (period) => call(staffStatsRoutes.hotspots, { query: period }),
  briefs: () => call(staffBriefRoutes.list, { query: {} }),
};

/** The .xlsx of one brief (ExportButton fetches it with the token). */
export const briefPath = (brief: Pick<WeeklyBriefSummary, 'week' | 'regionCode'>) =>
  urlOf(staffBriefRoutes.workbook, { params: { week: brief.week }, query: { regionCode: brief.regionCode } });

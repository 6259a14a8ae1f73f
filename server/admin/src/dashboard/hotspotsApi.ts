import type { Hotspots, WeeklyBriefList, WeeklyBriefSummary } from '@minqing/shared';
import { staffBriefRoutes, urlOf } from '@minqing/shared';
import { call, request } from '../api';
import { type Period, periodQuery } from './period';

/** 热点研判 and the 研判简报 (server/src/routes/staffStats hotspots, staffBriefs), in the member's scope. */
export interface HotspotsApi {
  hotspots(period: Period): Promise<Hotspots>;
  briefs(): Promise<WeeklyBriefList>;
}

export const hotspotsApi: HotspotsApi = {
  hotspots: (period) => request<Hotspots>(`/staff/stats/hotspots?${periodQuery(period)}`),
  briefs: () => call(staffBriefRoutes.list, { query: {} }),
};

/** The .xlsx of one brief (ExportButton fetches it with the token). */
export const briefPath = (brief: Pick<WeeklyBriefSummary, 'week' | 'regionCode'>) =>
  urlOf(staffBriefRoutes.workbook, { params: { week: brief.week }, query: { regionCode: brief.regionCode } });

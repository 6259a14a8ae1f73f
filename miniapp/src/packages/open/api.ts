/**
 * The public calls of 排行榜 and 本村动态 (server/src/http/publicRankings, routes/publicReports): no
 * sign-in. They live in this sub-package because no other page uses them.
 */
import { type PublicReportState, citizenApi } from '@minqing/shared';
import { apiBase, isH5 } from '../../services/config';
import { call } from '../../services/request';

const { openData } = citizenApi;

export const getRankings = (month?: string) => call(openData.rankings, { query: month ? { month } : {} });

export const getRankingTrend = (departmentId: string, month: string, months = 6) =>
  call(openData.rankingTrend, { query: { departmentId, month, months } });

export const getVillageBoard = (params: {
  villageCode: string;
  status?: PublicReportState;
  page: number;
  pageSize: number;
}) => call(openData.reports, { query: params });

/** A photo link of the board (a server path): the H5 build is served by the API server, WeChat needs the full address. */
export const mediaUrl = (path: string): string => (isH5() ? path : `${apiBase().replace(/\/api\/v1$/, '')}${path}`);

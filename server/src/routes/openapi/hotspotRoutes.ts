import { named, ok } from '@minqing/shared';
import {
  HotspotsSchema,
  StaffBriefsQuerySchema,
  StaffHotspotsQuerySchema,
  WeeklyBriefListSchema,
} from '@minqing/shared';
import type { ApiResponse, ApiRoute } from './apiDocument';

const xlsxDownload: ApiResponse = {
  status: 200,
  description: 'OK（.xlsx，Content-Disposition: attachment）',
  content: { kind: 'binary', mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
};

/** 未诉先办: the dashboard's 热点研判 and the weekly 研判简报. */
export const hotspotRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/staff/stats/hotspots',
    summary:
      '热点研判 / Village × category counts rising against the period before (环比) and the same days last year (同比), matters reported again within 30 days of a resolution, and the reports most villagers joined with 我也遇到 — in the member’s scope',
    tags: ['stats'],
    access: 'staff',
    query: StaffHotspotsQuerySchema,
    responses: [ok(named('Hotspots', HotspotsSchema))],
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/v1/staff/briefs',
    summary:
      '研判简报 / The weekly briefs of the member’s region (the county centre may name a township), newest week first; county centre and dispatchers',
    tags: ['stats'],
    access: 'staff',
    query: StaffBriefsQuerySchema,
    responses: [ok(named('WeeklyBriefList', WeeklyBriefListSchema))],
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/v1/staff/briefs/{week}.xlsx',
    summary:
      '下载研判简报 / One week’s brief as .xlsx (week: its Monday, YYYY-MM-DD): 本周热点、同比环比、超期、重复投诉、满意度最低的部门, as made that Monday; 404 for a week without one',
    tags: ['stats'],
    access: 'staff',
    query: StaffBriefsQuerySchema,
    responses: [xlsxDownload],
    errors: [400, 401, 403, 404],
  },
];

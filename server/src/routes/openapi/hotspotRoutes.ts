import { named, ok } from '@minqing/shared';
import { HotspotsSchema, StaffHotspotsQuerySchema } from '@minqing/shared';
import type { ApiRoute } from './apiDocument';

/** 未诉先办: the dashboard's 热点研判 (the weekly 研判简报: shared/src/contracts/staffBriefs.ts). */
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
];

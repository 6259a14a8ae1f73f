import { StaffBriefsQuerySchema, WeeklyBriefListSchema } from '../schemas/hotspots';
import { XLSX_MEDIA_TYPE } from './households';
import { defineRoute, named, ok } from './route';

const common = { tags: ['stats'], access: 'staff', policy: 'briefs' } as const;

/** 研判简报: made each Monday for the week before; county centre and dispatchers. */
export const staffBriefRoutes = {
  list: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/briefs',
    summary:
      '研判简报 / The weekly briefs of the member’s region (the county centre may name a township), newest week first; county centre and dispatchers',
    description:
      "Who: county, dispatcher (own region; the county may name a township). 研判简报: weekly briefs, newest first; one week's brief (week = its Monday) as .xlsx of five sheets — 本周热点, 同比环比, 超期, 重复投诉, 满意度最低的部门; 404 for a week without one; each download audited",
    query: StaffBriefsQuerySchema,
    responses: [ok(named('WeeklyBriefList', WeeklyBriefListSchema))],
    errors: [400, 401, 403],
  }),
  workbook: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/briefs/:week.xlsx',
    summary:
      '下载研判简报 / One week’s brief as .xlsx (week: its Monday, YYYY-MM-DD): 本周热点、同比环比、超期、重复投诉、满意度最低的部门, as made that Monday; 404 for a week without one',
    query: StaffBriefsQuerySchema,
    responses: [
      {
        status: 200,
        description: 'OK（.xlsx，Content-Disposition: attachment）',
        content: { kind: 'binary', mediaTypes: [XLSX_MEDIA_TYPE] },
      },
    ],
    errors: [400, 401, 403, 404],
  }),
};

import {
  ModerationDecisionRequestSchema,
  ModerationItemSchema,
  ModerationPageSchema,
  ModerationQuerySchema,
} from '../schemas/contentSecurity';
import { defineRoute, jsonBody, named, ok } from './route';

const tags = ['wechat'] as const;

/** 内容审核: citizen content WeChat held for review, released or rejected by a moderator of its region. */
export const moderationRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/staff/moderation',
    summary: "内容审核列表 / Citizen content held for moderation in the staff member's region",
    description:
      'Who: dispatcher, county, sysadmin in scope. 内容审核: citizen content WeChat held (review, risky found late, or uncheckable); audited; shown in the report drawer',
    tags,
    access: 'staff',
    policy: 'moderate',
    query: ModerationQuerySchema,
    responses: [ok(named('ModerationPage', ModerationPageSchema))],
    errors: [400, 401, 403],
  }),
  decide: defineRoute({
    method: 'post',
    path: '/staff/moderation/:id/decision',
    summary: '审核决定 / Release or reject held content',
    tags,
    access: 'staff',
    policy: 'moderate',
    body: jsonBody('ModerationDecisionRequest', ModerationDecisionRequestSchema),
    responses: [ok(named('ModerationItem', ModerationItemSchema))],
    errors: [400, 401, 403, 404, 409],
  }),
};

import { FollowsRequestSchema, PushSettingsSchema, SubscribeAnswersRequestSchema } from '../schemas/push';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { defineRoute, jsonBody, named, ok } from './route';

const tags = ['push'] as const;
const endpoints = CITIZEN_ENDPOINTS.push;
const settings = named('PushSettings', PushSettingsSchema);

/** 消息订阅: subscribe-message templates, the citizen's answers, and what they follow. */
export const pushRoutes = {
  settings: defineRoute({
    ...endpoints.settings,
    summary: '订阅设置 / Template ids to request, subscriptions left per topic, and what the citizen follows',
    description:
      'Who: citizen. 消息订阅: the template id per topic to request; what `wx.requestSubscribeMessage` answered (template id → `accept`/`reject`/`ban`/`filter`, ≤ 3; each accept allows one message, `ban` none); what the citizen follows (`village_notices`, `article_policy`, `article_guide`, `article_news`)',
    tags,
    responses: [ok(settings)],
    errors: [401],
  }),
  subscriptions: defineRoute({
    ...endpoints.subscriptions,
    summary: '记录订阅结果 / What wx.requestSubscribeMessage answered: each accept allows one message',
    tags,
    body: jsonBody('SubscribeAnswersRequest', SubscribeAnswersRequestSchema),
    responses: [ok(settings)],
    errors: [400, 401],
  }),
  follows: defineRoute({
    ...endpoints.follows,
    summary: '关注 / Replace what the citizen follows: village notices, article categories',
    tags,
    body: jsonBody('FollowsRequest', FollowsRequestSchema),
    responses: [ok(settings)],
    errors: [400, 401],
  }),
};

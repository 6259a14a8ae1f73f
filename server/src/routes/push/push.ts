import Router from '@koa/router';
import { FollowsRequestSchema, SubscribeAnswersRequestSchema } from '@minqing/shared';
import { pushSettingsOf, recordSubscribeAnswers, replaceFollows } from '../../commands/pushSubscriptions';
import type { AppContext, AppDeps, AppState } from '../../context';
import { citizenAuth, currentCitizen } from '../../middleware/auth';
import { parseBody } from '../../middleware/validate';

/**
 * 消息订阅: which subscribe-message templates to ask for, what the citizen answered, and what
 * they follow (village notices, article categories).
 */
export function pushRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/push' });

  router.get('/settings', citizenAuth(), async (ctx: AppContext) => {
    ctx.body = await pushSettingsOf(ctx.deps, currentCitizen(ctx).id);
  });

  /** The answers of one `wx.requestSubscribeMessage` call: template id → accept | reject | ban | filter. */
  router.post('/subscriptions', citizenAuth(), async (ctx: AppContext) => {
    const { answers } = parseBody(ctx, SubscribeAnswersRequestSchema);
    ctx.body = await recordSubscribeAnswers(ctx.deps, { citizenId: currentCitizen(ctx).id, answers });
  });

  router.put('/follows', citizenAuth(), async (ctx: AppContext) => {
    const { topics } = parseBody(ctx, FollowsRequestSchema);
    ctx.body = await replaceFollows(ctx.deps, { citizenId: currentCitizen(ctx).id, topics });
  });

  return router;
}

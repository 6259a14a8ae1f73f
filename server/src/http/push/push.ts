import Router from '@koa/router';
import { pushRoutes as routes } from '@minqing/shared';
import { pushSettingsOf, recordSubscribeAnswers, replaceFollows } from '../../commands/pushSubscriptions';
import { currentCitizen } from '../../middleware/auth';
import { type ApiRouter, implement } from '../implement';

/**
 * 消息订阅: which subscribe-message templates to ask for, what the citizen answered, and what
 * they follow (village notices, article categories).
 */
export function pushRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.settings, (ctx) => pushSettingsOf(ctx.deps, currentCitizen(ctx).id));

  /** The answers of one `wx.requestSubscribeMessage` call: template id → accept | reject | ban | filter. */
  implement(router, routes.subscriptions, (ctx, { body }) =>
    recordSubscribeAnswers(ctx.deps, { citizenId: currentCitizen(ctx).id, answers: body.answers }),
  );

  implement(router, routes.follows, (ctx, { body }) =>
    replaceFollows(ctx.deps, { citizenId: currentCitizen(ctx).id, topics: body.topics }),
  );

  return router;
}

import Router from '@koa/router';
import { MessageListQuerySchema } from '@minqing/shared';
import { type Reader, listMessages, markMessageRead } from '../../commands/messageReader';
import type { AppContext, AppDeps, AppState } from '../../context';
import { citizenAuth, currentCitizen, currentStaff, staffAuth } from '../../middleware/auth';
import { parseQuery, pathId } from '../../middleware/validate';

function messageIdOf(ctx: AppContext): string {
  return pathId(ctx, '没有找到这条消息');
}

/** The message centre (消息中心): citizens at /messages, every staff account at /staff/messages. */
export function messagesRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();
  const routesFor = (prefix: string, auth: ReturnType<typeof citizenAuth>, readerOf: (ctx: AppContext) => Reader) => {
    router.get(prefix, auth, async (ctx: AppContext) => {
      ctx.body = await listMessages(ctx.deps, readerOf(ctx), parseQuery(ctx, MessageListQuerySchema));
    });
    router.post(`${prefix}/:id/read`, auth, async (ctx: AppContext) => {
      ctx.body = await markMessageRead(ctx.deps, readerOf(ctx), messageIdOf(ctx));
    });
  };
  routesFor('/messages', citizenAuth(), (ctx) => ({ type: 'citizen', id: currentCitizen(ctx).id }));
  routesFor('/staff/messages', staffAuth(), (ctx) => ({ type: 'staff', id: currentStaff(ctx).id }));
  return router;
}

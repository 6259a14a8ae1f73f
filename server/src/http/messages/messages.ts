import Router from '@koa/router';
import { messageRoutes as routes } from '@minqing/shared';
import { listMessages, markMessageRead } from '../../commands/messageReader';
import type { AppContext } from '../../context';
import { currentCitizen, currentStaff } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { type ApiRouter, implement } from '../implement';

function messageIdOf(ctx: AppContext): string {
  return pathId(ctx, '没有找到这条消息');
}

/** The message centre (消息中心): citizens at /messages, every staff account at /staff/messages. */
export function messagesRouter() {
  const router: ApiRouter = new Router();
  const citizen = (ctx: AppContext) => ({ type: 'citizen' as const, id: currentCitizen(ctx).id });
  const staff = (ctx: AppContext) => ({ type: 'staff' as const, id: currentStaff(ctx).id });

  implement(router, routes.list, (ctx, { query }) => listMessages(ctx.deps, citizen(ctx), query));
  implement(router, routes.markRead, (ctx) => markMessageRead(ctx.deps, citizen(ctx), messageIdOf(ctx)));
  implement(router, routes.staffList, (ctx, { query }) => listMessages(ctx.deps, staff(ctx), query));
  implement(router, routes.staffMarkRead, (ctx) => markMessageRead(ctx.deps, staff(ctx), messageIdOf(ctx)));
  return router;
}

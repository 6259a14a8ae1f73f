import Router from '@koa/router';
import { IdSchema, partnerRoutes as routes } from '@minqing/shared';
import { createPartner, presentPartners, revokePartner } from '../../commands/partnerKeys';
import { Partner } from '../../db/entities';
import { notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { type ApiRouter, implement } from '../implement';

/** 合作方: the systems allowed to file through Open311, each with its own api_key (shown once). */
export function partnersRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.list, async (ctx) => {
    const partners = await ctx.deps.dataSource
      .getRepository(Partner)
      .find({ order: { createdAt: 'DESC', id: 'DESC' } });
    return presentPartners(ctx.deps.dataSource.manager, partners);
  });

  implement(router, routes.create, async (ctx, { body }) => {
    const { partner, apiKey } = await createPartner(ctx.deps, {
      staff: currentStaff(ctx),
      name: body.name,
      ip: ctx.ip,
    });
    const [view] = await presentPartners(ctx.deps.dataSource.manager, [partner]);
    // The key is never shown again: do not let anything keep this answer.
    ctx.set('Cache-Control', 'no-store');
    return { partner: view, apiKey };
  });

  implement(router, routes.revoke, async (ctx, { params }) => {
    const id = IdSchema.safeParse(params.id);
    if (!id.success) throw notFound('没有找到该合作方');
    const partner = await revokePartner(ctx.deps, { staff: currentStaff(ctx), partnerId: id.data, ip: ctx.ip });
    const [view] = await presentPartners(ctx.deps.dataSource.manager, [partner]);
    return view;
  });

  return router;
}

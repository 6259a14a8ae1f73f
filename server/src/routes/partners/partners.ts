import Router from '@koa/router';
import { IdSchema, PartnerInputSchema } from '@minqing/shared';
import { createPartner, presentPartners, revokePartner } from '../../commands/partnerKeys';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Partner } from '../../db/entities';
import { notFound } from '../../errors';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseBody } from '../../middleware/validate';
import { PARTNER_MANAGERS } from '../../policies/partner';

/** 合作方: the systems allowed to file through Open311, each with its own api_key (shown once). */
export function partnersRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff/partners' });
  router.use(staffAuth(PARTNER_MANAGERS));

  router.get('/', async (ctx: AppContext) => {
    const partners = await ctx.deps.dataSource
      .getRepository(Partner)
      .find({ order: { createdAt: 'DESC', id: 'DESC' } });
    ctx.body = await presentPartners(ctx.deps.dataSource.manager, partners);
  });

  router.post('/', async (ctx: AppContext) => {
    const { name } = parseBody(ctx, PartnerInputSchema);
    const { partner, apiKey } = await createPartner(ctx.deps, { staff: currentStaff(ctx), name, ip: ctx.ip });
    const [view] = await presentPartners(ctx.deps.dataSource.manager, [partner]);
    ctx.status = 201;
    // The key is never shown again: do not let anything keep this answer.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { partner: view, apiKey };
  });

  router.post('/:id/revoke', async (ctx: AppContext) => {
    const id = IdSchema.safeParse(ctx.params.id);
    if (!id.success) throw notFound('没有找到该合作方');
    const partner = await revokePartner(ctx.deps, { staff: currentStaff(ctx), partnerId: id.data, ip: ctx.ip });
    const [view] = await presentPartners(ctx.deps.dataSource.manager, [partner]);
    ctx.body = view;
  });

  return router;
}

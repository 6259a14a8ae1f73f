import Router from '@koa/router';
import { UpdateProfileRequestSchema } from '@minqing/shared';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Citizen, Region } from '../../db/entities';
import { badRequest } from '../../errors';
import { citizenAuth, currentCitizen } from '../../middleware/auth';
import { parseBody } from '../../middleware/validate';
import { presentCitizen } from '../../presenters/citizen';
import { dataRightsRoutes } from './dataRights';

/** The signed-in citizen's own profile. */
export function meRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/me' });

  router.get('/', citizenAuth(), (ctx: AppContext) => {
    ctx.body = presentCitizen(currentCitizen(ctx), ctx.deps.cipher);
  });

  router.patch('/', citizenAuth(), async (ctx: AppContext) => {
    const citizen = currentCitizen(ctx);
    const patch = parseBody(ctx, UpdateProfileRequestSchema);
    if (patch.villageCode) {
      const village = await ctx.deps.dataSource.getRepository(Region).findOneBy({ code: patch.villageCode, level: 'village' });
      if (!village) throw badRequest('没有这个村(社区)', 'villageCode');
    }
    Object.assign(citizen, patch);
    await ctx.deps.dataSource.getRepository(Citizen).save(citizen);
    ctx.body = presentCitizen(citizen, ctx.deps.cipher);
  });

  // 导出我的数据, 申请注销账号.
  dataRightsRoutes(router);

  return router;
}

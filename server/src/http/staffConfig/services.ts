import { staffConfigRoutes as routes } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import { ServiceEntity } from '../../db/entities';
import { notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { presentConfigService } from '../../presenters/config';
import { changeSummary, requireCountyWide, requireFields } from './configScope';
import type { ConfigRoutes } from './staffConfig';
import { implement } from '../implement';

/** 服务: the five fixed services of the home page; their texts, order and whether they are open. */
export const serviceRoutes: ConfigRoutes = (router) => {
  implement(router, routes.services, async (ctx) => {
    const reference = await ctx.deps.reference.snapshot();
    return [...reference.services.values()].sort((a, b) => a.sortOrder - b.sortOrder).map(presentConfigService);
  });

  implement(router, routes.updateService, async (ctx, { params, body }) => {
    const staff = currentStaff(ctx);
    requireCountyWide(staff);
    const service = (await ctx.deps.reference.snapshot()).services.get(params.code as ServiceEntity['code']);
    if (!service) throw notFound('没有找到该服务');
    const patch = requireFields(body);
    const detail = changeSummary(service, patch);
    await ctx.deps.dataSource.getRepository(ServiceEntity).update({ code: service.code }, patch);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'service.update',
      targetType: 'service',
      targetId: service.code,
      ip: ctx.ip,
      detail,
    });
    ctx.deps.reference.invalidate();
    return presentConfigService((await ctx.deps.reference.snapshot()).services.get(service.code)!);
  });
};

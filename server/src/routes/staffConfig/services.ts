import { ConfigServicePatchSchema } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext } from '../../context';
import { ServiceEntity } from '../../db/entities';
import { notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { parseBody } from '../../middleware/validate';
import { presentConfigService } from '../../presenters/config';
import { changeSummary, requireCountyWide, requireFields } from './configScope';
import type { ConfigRouter } from './staffConfig';

/** 服务: the five fixed services of the home page; their texts, order and whether they are open. */
export function serviceRoutes(router: ConfigRouter): void {
  router.get('/services', async (ctx: AppContext) => {
    const reference = await ctx.deps.reference.snapshot();
    ctx.body = [...reference.services.values()].sort((a, b) => a.sortOrder - b.sortOrder).map(presentConfigService);
  });

  router.patch('/services/:code', async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    requireCountyWide(staff);
    const service = (await ctx.deps.reference.snapshot()).services.get(
      String(ctx.params.code) as ServiceEntity['code'],
    );
    if (!service) throw notFound('没有找到该服务');
    const patch = requireFields(parseBody(ctx, ConfigServicePatchSchema));
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
    ctx.body = presentConfigService((await ctx.deps.reference.snapshot()).services.get(service.code)!);
  });
}

import type Router from '@koa/router';
import { StaffSubmitReportRequestSchema } from '@minqing/shared';
import { submitReport } from '../../commands/reportSubmitter';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Citizen } from '../../db/entities';
import { badRequest, forbidden } from '../../errors';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { idempotencyKeyOf } from '../../middleware/idempotencyKey';
import { actionLimit } from '../../middleware/rateLimit';
import { parseBody } from '../../middleware/validate';
import { ON_BEHALF_ROLES, staffCanFileFor } from '../../policies/report';
import { presentStaffReport } from '../../presenters/report';

/**
 * 代报: POST /staff/reports files the citizen's submission for a household. It is classified,
 * routed and held to deadlines like any other; the household's phone finds its account, if
 * any, so the report shows in their 我的反映 and its messages reach them (else the filer).
 */
export function registerOnBehalfRoutes(router: Router<AppState, { deps: AppDeps }>) {
  router.post('/', staffAuth(ON_BEHALF_ROLES), actionLimit('submit'), async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const key = idempotencyKeyOf(ctx);
    const body = parseBody(ctx, StaffSubmitReportRequestSchema);
    if (!staffCanFileFor(staff, body.villageCode)) throw forbidden('只能为本村(社区)的群众代报');
    // The household roster is not kept yet: a household is named by its name and phone.
    if (body.onBehalfOf.householdId) throw badRequest('暂不能按户选择，请填写群众姓名和电话', 'onBehalfOf.householdId');
    const { name, phone } = body.onBehalfOf;
    const citizen = phone ? await ctx.deps.dataSource.getRepository(Citizen).findOneBy({ phoneHash: ctx.deps.cipher.lookupHash(phone) }) : null;
    const onBehalf = { staff, name, phone: phone ?? null };
    const { report, replayed } = await submitReport(ctx.deps, { citizen, onBehalf, body, idempotencyKey: key });
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    ctx.status = 201;
    ctx.body = await presentStaffReport(ctx.deps, ctx.deps.dataSource.manager, report, staff);
  });
}

import { staffReportRoutes as routes } from '@minqing/shared';
import { submitReport } from '../../commands/reportSubmitter';
import type { AppContext } from '../../context';
import { Citizen, Household, type Staff } from '../../db/entities';
import { badRequest, forbidden } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { idempotencyKeyOf } from '../../middleware/idempotencyKey';
import { actionLimit } from '../../middleware/rateLimit';
import { householdInScope, householdScopeOf } from '../../policies/household';
import { staffCanFileFor } from '../../policies/report';
import { isWithin } from '../../policies/scope';
import { presentStaffReport } from '../../presenters/report';
import { type ApiRouter, implement } from '../implement';

/**
 * 代报: POST /staff/reports files the citizen's submission for a household. It is classified,
 * routed and held to deadlines like any other; the household's phone finds its account, if
 * any, so the report shows in their 我的反映 and its messages reach them (else the filer).
 */
/** A household of the roster the filer may see, living in the village the report is about. */
async function rosterHousehold(
  ctx: AppContext,
  staff: Staff,
  householdId: string,
  villageCode: string,
): Promise<Household> {
  const household = await ctx.deps.dataSource.getRepository(Household).findOneBy({ id: householdId });
  const scope = householdScopeOf(staff);
  if (!household || !scope || !householdInScope(scope, household))
    throw badRequest('没有找到该住户', 'onBehalfOf.householdId');
  if (!isWithin(household.gridCode, villageCode)) throw badRequest('该住户不在所选村(社区)', 'onBehalfOf.householdId');
  return household;
}

/** 代报 has its own roles, not those of the work queue. */
export function registerOnBehalfRoutes(router: ApiRouter) {
  implement(router, routes.fileOnBehalf, actionLimit('submit'), async (ctx, { body }) => {
    const staff = currentStaff(ctx);
    const key = idempotencyKeyOf(ctx);
    if (!staffCanFileFor(staff, body.villageCode)) throw forbidden('只能为本村(社区)的群众代报');
    const household = body.onBehalfOf.householdId
      ? await rosterHousehold(ctx, staff, body.onBehalfOf.householdId, body.villageCode)
      : null;
    const { name } = body.onBehalfOf;
    // Without a number typed in, the roster's number reaches the household.
    const phone =
      body.onBehalfOf.phone ?? (household?.phoneEncrypted ? ctx.deps.cipher.decrypt(household.phoneEncrypted) : null);
    const citizen = phone
      ? await ctx.deps.dataSource.getRepository(Citizen).findOneBy({ phoneHash: ctx.deps.cipher.lookupHash(phone) })
      : null;
    const onBehalf = { staff, name, phone, householdId: household?.id ?? null };
    const { report, replayed } = await submitReport(ctx.deps, { citizen, onBehalf, body, idempotencyKey: key });
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    return presentStaffReport(ctx.deps, ctx.deps.dataSource.manager, report, staff);
  });
}

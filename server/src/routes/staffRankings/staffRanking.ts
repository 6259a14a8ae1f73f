import type { StaffRanking } from '@minqing/shared';
import type { AppContext } from '../../context';
import { currentStaff } from '../../middleware/auth';
import { collectCounts, rollUp } from '../../stats/aggregate';
import { departmentEntries } from '../../stats/rankings';
import { presentScope, resolvePeriod, resolveScope } from '../staffStats/statsRequest';

/**
 * The department ranking of the reports in the signed-in member's scope for a period, listed
 * and ordered by the public ranking's own rules (stats/rankings.ts departmentEntries), from
 * the same counts. With the whole county and a calendar month it equals the public ranking's
 * department table; narrower, a county bureau is ranked on the reports of that township only,
 * which is what a drill-down from its row into the (scoped) work queue then shows.
 */
export async function staffRanking(ctx: AppContext, query: { from?: string; to?: string; regionCode?: string }): Promise<StaffRanking> {
  const lookups = await ctx.deps.reference.snapshot();
  const now = ctx.deps.clock();
  const { from, to, period } = resolvePeriod(query, now);
  const scope = resolveScope(currentStaff(ctx), query.regionCode, lookups);
  const groups = await collectCounts(ctx.deps.dataSource.manager, { period, now, scope, groupBy: ['department'] });
  return { from, to, scope: presentScope(scope, lookups), departments: departmentEntries(rollUp(groups, 'department'), lookups) };
}

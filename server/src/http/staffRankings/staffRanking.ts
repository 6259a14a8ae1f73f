import type { StaffRanking } from '@minqing/shared';
import type { AppContext } from '../../context';
import { currentStaff } from '../../middleware/auth';
import { collectCounts, rollUp } from '../../stats/aggregate';
import { figureDefinitions } from '../../stats/figureDefinitions';
import { departmentEntries, rankingMinimumOf } from '../../stats/rankings';
import { presentScope, resolvePeriod, resolveScope } from '../../stats/statsRequest';

/**
 * The department ranking of the reports in the signed-in member's scope for a period, listed
 * and ordered by the public ranking's own rules (stats/rankings.ts departmentEntries), its
 * minimum of reports in the period included, from the same counts. With the whole county and a calendar month it equals the public ranking's
 * department table; narrower, a county bureau is ranked on the reports of that township only,
 * which is what a drill-down from its row into the (scoped) work queue then shows.
 */
export async function staffRanking(
  ctx: AppContext,
  query: { from?: string; to?: string; regionCode?: string },
): Promise<StaffRanking> {
  const lookups = await ctx.deps.reference.snapshot();
  const now = ctx.deps.clock();
  const { from, to, period } = resolvePeriod(query, now);
  const scope = resolveScope(currentStaff(ctx), query.regionCode, lookups);
  const groups = await collectCounts(ctx.deps.dataSource.manager, { period, now, scope, groupBy: ['department'] });
  const minReceived = rankingMinimumOf(ctx.deps.config);
  const departments = departmentEntries(rollUp(groups, 'department'), lookups, minReceived);
  return {
    from,
    to,
    scope: presentScope(scope, lookups),
    departments: departments.ranked,
    insufficient: { departments: departments.insufficient },
    minReceived,
    definitions: figureDefinitions(minReceived),
  };
}

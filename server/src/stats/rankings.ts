import type { EntityManager } from 'typeorm';
import type { DepartmentRanking, RankingsResponse, RegionLevel, RegionRanking } from '@minqing/shared';
import type { ReferenceSnapshot } from '../db/referenceData';
import { ancestorsOf } from '../policies/scope';
import { collectCounts, rollUp, rollUpBy } from './aggregate';
import { monthPeriod } from './calendar';
import { RawCounts, toFigures } from './figures';
import { rankEntries } from './rankingOrder';
import { WHOLE_SYSTEM } from './scope';

export interface RankingsProps {
  manager: EntityManager;
  lookups: Pick<ReferenceSnapshot, 'departments' | 'regions'>;
  /** YYYY-MM, a China calendar month. */
  month: string;
  now: Date;
}

/**
 * Listed: whoever received at least one report that month, or returned one. A department
 * that returned everything it was sent stays visible instead of vanishing from the table.
 */
const isListed = (counts: RawCounts) => counts.received > 0 || counts.returns > 0;

export function departmentEntries(totals: Map<string | null, RawCounts>, lookups: RankingsProps['lookups']) {
  const entries: Omit<DepartmentRanking, 'rank' | 'score'>[] = [];
  for (const [departmentId, counts] of totals) {
    if (departmentId === null || !isListed(counts)) continue;
    const department = lookups.departments.get(departmentId);
    entries.push({
      departmentId,
      name: department?.name ?? '已撤销的部门',
      level: department?.level ?? 'county',
      regionCode: department?.regionCode ?? '',
      ...toFigures(counts),
    });
  }
  return rankEntries(entries, (entry) => entry.departmentId);
}

function regionEntries(totals: Map<string | null, RawCounts>, lookups: RankingsProps['lookups'], level: RegionLevel) {
  const entries: Omit<RegionRanking, 'rank' | 'score'>[] = [];
  for (const [regionCode, counts] of totals) {
    if (regionCode === null || !isListed(counts)) continue;
    entries.push({ regionCode, name: lookups.regions.get(regionCode)?.name ?? regionCode, level, ...toFigures(counts) });
  }
  return rankEntries(entries, (entry) => entry.regionCode);
}

/**
 * The public ranking of a month: departments, townships and counties with the same figures.
 * One grouped pass over the month's reports (by department × township) and one over its
 * return events; the three tables are sums of those rows. Counties come from the township
 * code, whose first six digits are its county's: grouping by a third column made MariaDB's
 * temporary table three times slower.
 */
export async function computeRankings(props: RankingsProps): Promise<RankingsResponse> {
  const period = monthPeriod(props.month);
  const groups = await collectCounts(props.manager, {
    period,
    now: props.now,
    scope: WHOLE_SYSTEM,
    groupBy: ['department', 'township'],
  });
  return {
    month: props.month,
    from: period.start.toISOString(),
    to: period.end.toISOString(),
    generatedAt: props.now.toISOString(),
    departments: departmentEntries(rollUp(groups, 'department'), props.lookups),
    townships: regionEntries(rollUp(groups, 'township'), props.lookups, 'township'),
    counties: regionEntries(rollUpBy(groups, (key) => (key.township ? ancestorsOf(key.township)[0] : null)), props.lookups, 'county'),
  };
}

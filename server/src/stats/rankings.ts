import type { EntityManager } from 'typeorm';
import type { RankingsResponse, RegionLevel, UnrankedDepartment, UnrankedRegion } from '@minqing/shared';
import type { ReferenceSnapshot } from '../db/referenceData';
import { ancestorsOf } from '../policies/scope';
import { collectCounts, rollUp, rollUpBy } from './aggregate';
import { monthPeriod } from './calendar';
import { type RawCounts, toFigures } from './figures';
import { figureDefinitions } from './figureDefinitions';
import { DEFAULT_RANKING_MIN_RECEIVED, rankWithMinimum } from './rankingOrder';
import type { Config } from '../config';
import { WHOLE_SYSTEM } from './scope';

export interface RankingsProps {
  manager: EntityManager;
  lookups: Pick<ReferenceSnapshot, 'departments' | 'regions'>;
  /** YYYY-MM, a China calendar month. */
  month: string;
  now: Date;
  /** RANKING_MIN_RECEIVED: fewer reports received in the month and an entry is listed as 样本不足, not ranked. */
  minReceived: number;
}

/** RANKING_MIN_RECEIVED as configured (loadConfig always sets it; a hand-made configuration may not). */
export const rankingMinimumOf = (config: Pick<Config, 'rankingMinReceived'>) =>
  config.rankingMinReceived ?? DEFAULT_RANKING_MIN_RECEIVED;

/**
 * Listed: whoever received at least one report that month, or returned one. A department
 * that returned everything it was sent stays visible instead of vanishing from the table.
 */
const isListed = (counts: RawCounts) => counts.received > 0 || counts.returns > 0;

export function departmentEntries(
  totals: Map<string | null, RawCounts>,
  lookups: RankingsProps['lookups'],
  minReceived: number,
) {
  const entries: UnrankedDepartment[] = [];
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
  return rankWithMinimum(entries, (entry) => entry.departmentId, minReceived);
}

function regionEntries(
  totals: Map<string | null, RawCounts>,
  lookups: RankingsProps['lookups'],
  level: RegionLevel,
  minReceived: number,
) {
  const entries: UnrankedRegion[] = [];
  for (const [regionCode, counts] of totals) {
    if (regionCode === null || !isListed(counts)) continue;
    entries.push({
      regionCode,
      name: lookups.regions.get(regionCode)?.name ?? regionCode,
      level,
      ...toFigures(counts),
    });
  }
  return rankWithMinimum(entries, (entry) => entry.regionCode, minReceived);
}

/**
 * The public ranking of a month: departments, townships and counties with the same figures,
 * each table ranked among those that received at least `minReceived` reports, the rest listed
 * apart (样本不足), and how every figure is computed.
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
  const departments = departmentEntries(rollUp(groups, 'department'), props.lookups, props.minReceived);
  const townships = regionEntries(rollUp(groups, 'township'), props.lookups, 'township', props.minReceived);
  const counties = regionEntries(
    rollUpBy(groups, (key) => (key.township ? ancestorsOf(key.township)[0] : null)),
    props.lookups,
    'county',
    props.minReceived,
  );
  return {
    month: props.month,
    from: period.start.toISOString(),
    to: period.end.toISOString(),
    generatedAt: props.now.toISOString(),
    departments: departments.ranked,
    townships: townships.ranked,
    counties: counties.ranked,
    insufficient: {
      departments: departments.insufficient,
      townships: townships.insufficient,
      counties: counties.insufficient,
    },
    minReceived: props.minReceived,
    definitions: figureDefinitions(props.minReceived),
  };
}

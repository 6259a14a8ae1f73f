import type { RankingTrend, RankingTrendMonth } from '@minqing/shared';
import { computeRankings, type RankingsProps } from './rankings';

/** The months ending with `month`, oldest first: 2026-11 and 3 → 2026-09, 2026-10, 2026-11. */
export function monthsEnding(month: string, count: number): string[] {
  const [year, monthNumber] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, index) => {
    const back = count - 1 - index;
    const date = new Date(Date.UTC(year, monthNumber - 1 - back, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * One department in the public ranking, month by month: the same figures and rank the monthly
 * ranking published (a month it received nothing shows zero received and no rates), so the trend
 * never disagrees with the table it was tapped from. Null when the department does not exist.
 */
export async function departmentTrend(
  props: Omit<RankingsProps, 'month'> & { departmentId: string; month: string; months: number },
): Promise<RankingTrend | null> {
  const department = props.lookups.departments.get(props.departmentId);
  if (!department) return null;
  const months: RankingTrendMonth[] = [];
  for (const month of monthsEnding(props.month, props.months)) {
    const ranking = await computeRankings({ ...props, month });
    const ranked = ranking.departments.find((entry) => entry.departmentId === props.departmentId);
    const unranked = ranking.insufficient.departments.find((entry) => entry.departmentId === props.departmentId);
    const entry = ranked ?? unranked;
    months.push({
      month,
      received: entry?.received ?? 0,
      resolvedRate: entry?.resolvedRate ?? null,
      onTimeRate: entry?.onTimeRate ?? null,
      satisfactionRate: entry?.satisfactionRate ?? null,
      meanHoursToResolve: entry?.meanHoursToResolve ?? null,
      insufficient: !ranked,
      rank: ranked?.rank ?? null,
    });
  }
  return { departmentId: department.id, name: department.name, minReceived: props.minReceived, months };
}

import type { EntityManager } from 'typeorm';
import type { BreakdownDimension, BreakdownItem } from '@minqing/shared';
import type { ReferenceSnapshot } from '../db/referenceData';
import { collectCounts, rollUp } from './aggregate';
import type { Period } from './calendar';
import { toFigures } from './figures';
import type { StatsScope } from './scope';

export interface BreakdownProps {
  manager: EntityManager;
  lookups: Pick<ReferenceSnapshot, 'categories' | 'departments' | 'regions'>;
  scope: StatsScope;
  period: Period;
  now: Date;
  by: BreakdownDimension;
}

function nameOf(lookups: BreakdownProps['lookups'], by: BreakdownDimension, key: string | null): string {
  if (key === null) return by === 'category' ? '未分类' : '未指定';
  if (by === 'category') return lookups.categories.get(key)?.name ?? key;
  if (by === 'department') return lookups.departments.get(key)?.name ?? '已撤销的部门';
  return lookups.regions.get(key)?.name ?? key;
}

/** The period's figures split by category, township, village or department; busiest first. */
export async function computeBreakdown(props: BreakdownProps): Promise<BreakdownItem[]> {
  const groups = await collectCounts(props.manager, {
    period: props.period,
    now: props.now,
    scope: props.scope,
    groupBy: [props.by],
  });
  const items = [...rollUp(groups, props.by)].map(([key, counts]) => ({
    key,
    name: nameOf(props.lookups, props.by, key),
    ...toFigures(counts),
  }));
  return items.sort((left, right) => right.received - left.received || (left.key ?? '').localeCompare(right.key ?? ''));
}

import type { StatsScopeView } from '@minqing/shared';
import type { Staff } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import { badRequest, forbidden } from '../errors';
import { narrowerRegion } from '../policies/scope';
import { type Period, dayCount, daysPeriod, shanghaiDate } from './calendar';
import type { StatsScope } from './scope';

/** Long enough for a year-on-year view; a daily series beyond that is not a chart anyone reads. */
export const MAX_PERIOD_DAYS = 366;

export interface ResolvedPeriod {
  from: string;
  to: string;
  period: Period;
}

/** From/to as China calendar days, both included; by default this month up to today. */
export function resolvePeriod(query: { from?: string; to?: string }, now: Date): ResolvedPeriod {
  const to = query.to ?? shanghaiDate(now);
  const from = query.from ?? `${to.slice(0, 7)}-01`;
  if (from > to) throw badRequest('开始日期不能晚于结束日期', 'from');
  if (dayCount(from, to) > MAX_PERIOD_DAYS) throw badRequest(`统计区间最长 ${MAX_PERIOD_DAYS} 天`, 'from');
  return { from, to, period: daysPeriod(from, to) };
}

/**
 * The staff member's region, narrowed to `regionCode` when asked (403 outside it); a
 * department's handler sees that department's reports only.
 */
export function resolveScope(
  staff: Staff,
  regionCode: string | undefined,
  lookups: Pick<ReferenceSnapshot, 'regions'>,
): StatsScope {
  const region = narrowerRegion(staff.regionCode, regionCode);
  if (!region) throw forbidden('不能查看其他地区的统计');
  if (regionCode && !lookups.regions.has(regionCode)) throw badRequest('没有这个地区', 'regionCode');
  if (staff.role !== 'handler') return { regionCode: region, departmentId: null };
  if (!staff.departmentId) throw forbidden('您的账号没有所属部门');
  return { regionCode: region, departmentId: staff.departmentId };
}

export function presentScope(
  scope: StatsScope,
  lookups: Pick<ReferenceSnapshot, 'regions' | 'departments'>,
): StatsScopeView {
  const regionCode = scope.regionCode ?? '';
  return {
    regionCode,
    regionName: lookups.regions.get(regionCode)?.name ?? regionCode,
    departmentId: scope.departmentId,
    departmentName: scope.departmentId ? (lookups.departments.get(scope.departmentId)?.name ?? null) : null,
  };
}

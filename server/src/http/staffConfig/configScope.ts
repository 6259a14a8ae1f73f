import type { Staff } from '../../db/entities';
import { badRequest, forbidden } from '../../errors';
import { isWithin, levelOfCode } from '../../policies/scope';

/** Who edits configuration: the county command centre within its county, sysadmins everywhere. */

/** The region prefix a staff member configures; '' (everything) for a sysadmin. */
export function configScope(staff: Staff): string {
  return staff.role === 'sysadmin' ? '' : staff.regionCode;
}

export function configures(staff: Staff, regionCode: string): boolean {
  return isWithin(regionCode, configScope(staff));
}

export function requireConfigures(staff: Staff, regionCode: string, message = '只能管理本辖区的配置'): void {
  if (!configures(staff, regionCode)) throw forbidden(message);
}

/** `name: 旧 → 新; …` of what a patch changes, for the audit line. */
export function changeSummary<T extends object>(before: T, patch: Partial<T>): string {
  return (Object.keys(patch) as (keyof T & string)[])
    .filter((key) => patch[key] !== undefined && patch[key] !== before[key])
    .map((key) => `${key}: ${String(before[key])} → ${String(patch[key])}`)
    .join('; ');
}

/**
 * Categories, services and the holiday calendar hold for the whole county: a sysadmin, or a
 * county supervisor whose scope is a county, edits them.
 */
export function requireCountyWide(staff: Staff): void {
  if (staff.role !== 'sysadmin' && levelOfCode(staff.regionCode) !== 'county')
    throw forbidden('只有县级管理员可以修改全县通用的配置');
}

/** A patch must change something; an empty one is the client's mistake. */
export function requireFields<T extends object>(patch: T): T {
  if (!Object.values(patch).some((value) => value !== undefined)) throw badRequest('没有要修改的内容');
  return patch;
}

import type { Category, Department } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import { ancestorsOf } from '../policies/scope';

/**
 * Finds the department for a category in a village: an explicit routing rule, looked up from
 * the village up to the county; otherwise the category's kind of department in the township,
 * then in the county. Null sends the report to the township dispatcher's triage queue.
 */
export function routeByCategory(
  reference: ReferenceSnapshot,
  category: Category,
  villageCode: string,
): Department | null {
  const chain = ancestorsOf(villageCode).reverse();
  for (const regionCode of chain) {
    const rule = reference.rules.get(`${category.code}|${regionCode}`);
    const department = rule && reference.departments.get(rule.departmentId);
    if (department && !department.disabled) return department;
  }
  if (!category.departmentKind) return null;
  for (const regionCode of chain) {
    const department = reference.departmentsByKindAndRegion.get(`${category.departmentKind}|${regionCode}`);
    if (department) return department;
  }
  return null;
}

import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Category, Department, RoutingRule } from '../db/entities';
import { ancestorsOf } from '../policies/scope';

/**
 * Finds the department for a category in a village: an explicit routing rule, looked up from
 * the village up to the county; otherwise the category's kind of department in the township,
 * then in the county. Null sends the report to the township dispatcher's triage queue.
 */
export async function routeByCategory(manager: EntityManager, category: Category, villageCode: string): Promise<Department | null> {
  const chain = ancestorsOf(villageCode).reverse();
  const rules = await manager.getRepository(RoutingRule).findBy({ categoryCode: category.code, regionCode: In(chain) });
  for (const regionCode of chain) {
    const rule = rules.find((candidate) => candidate.regionCode === regionCode);
    if (rule) {
      const department = await manager.getRepository(Department).findOneBy({ id: rule.departmentId });
      if (department) return department;
    }
  }
  if (!category.departmentKind) return null;
  const candidates = await manager.getRepository(Department).findBy({ kind: category.departmentKind, regionCode: In(chain) });
  for (const regionCode of chain) {
    const department = candidates.find((candidate) => candidate.regionCode === regionCode);
    if (department) return department;
  }
  return null;
}

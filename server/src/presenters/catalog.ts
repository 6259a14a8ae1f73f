import type {
  Category as CategoryDto,
  Department as DepartmentDto,
  Deputy as DeputyDto,
  RegionNode,
  Service,
} from '@minqing/shared';
import type { Category, Department, Deputy, Region, ServiceEntity } from '../db/entities';

export function presentService(service: ServiceEntity): Service {
  return {
    code: service.code,
    name: service.name,
    description: service.description,
    allowAnonymous: service.allowAnonymous,
    sortOrder: service.sortOrder,
  };
}

export function presentCategory(category: Category): CategoryDto {
  return {
    code: category.code,
    name: category.name,
    parentCode: category.parentCode,
    tier: category.tier,
    responseHours: category.responseHours,
    resolveDays: category.resolveDays,
  };
}

export function presentDepartment(department: Department): DepartmentDto {
  return { id: department.id, name: department.name, level: department.level, regionCode: department.regionCode };
}

/** Flat rows to the nested tree clients draw; children in their configured order. */
export function presentRegionTree(regions: Region[], maxLevel: RegionNode['level'] = 'grid'): RegionNode[] {
  const levels: RegionNode['level'][] = ['county', 'township', 'village', 'grid'];
  const kept = regions.filter((region) => levels.indexOf(region.level) <= levels.indexOf(maxLevel));
  const sorted = [...kept].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const nodes = new Map<string, RegionNode>(
    sorted.map((region) => [region.code, { code: region.code, name: region.name, level: region.level, children: [] }]),
  );
  const roots: RegionNode[] = [];
  for (const region of sorted) {
    const node = nodes.get(region.code)!;
    const parent = region.parentCode ? nodes.get(region.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function presentDeputy(deputy: Deputy, regions: Map<string, Region>): DeputyDto {
  return {
    id: deputy.id,
    name: deputy.name,
    title: deputy.title,
    regionCode: deputy.regionCode,
    regionName: regions.get(deputy.regionCode)?.name ?? '',
  };
}

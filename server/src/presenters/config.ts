import type { ConfigCategory, ConfigDepartment, ConfigRegion, ConfigService } from '@minqing/shared';
import type { Category, Department, Region, ServiceEntity } from '../db/entities';

/** What the configuration screens see of each reference row. */
export function presentConfigRegion(region: Region, childCount: number): ConfigRegion {
  return {
    code: region.code,
    name: region.name,
    level: region.level,
    parentCode: region.parentCode,
    sortOrder: region.sortOrder,
    disabled: region.disabled,
    childCount,
  };
}

export function presentConfigDepartment(
  department: Department,
  regions: ReadonlyMap<string, Region>,
): ConfigDepartment {
  return {
    id: department.id,
    name: department.name,
    level: department.level,
    regionCode: department.regionCode,
    regionName: regions.get(department.regionCode)?.name ?? department.regionCode,
    kind: department.kind,
    disabled: department.disabled,
  };
}

export function presentConfigCategory(category: Category): ConfigCategory {
  return {
    code: category.code,
    name: category.name,
    parentCode: category.parentCode,
    tier: category.tier,
    responseHours: category.responseHours,
    resolveDays: category.resolveDays,
    departmentKind: category.departmentKind,
    sortOrder: category.sortOrder,
    disabled: category.disabled,
  };
}

export function presentConfigService(service: ServiceEntity): ConfigService {
  return {
    code: service.code,
    name: service.name,
    description: service.description,
    allowAnonymous: service.allowAnonymous,
    sortOrder: service.sortOrder,
    enabled: service.enabled,
  };
}

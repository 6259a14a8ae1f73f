import type { RoutingRuleDto } from '@minqing/shared';
import type { RoutingExample, RoutingRule } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';

export function presentRoutingRule(rule: RoutingRule, reference: ReferenceSnapshot): RoutingRuleDto {
  return {
    id: rule.id,
    categoryCode: rule.categoryCode,
    categoryName: reference.categories.get(rule.categoryCode)?.name ?? rule.categoryCode,
    regionCode: rule.regionCode,
    regionName: reference.regions.get(rule.regionCode)?.name ?? rule.regionCode,
    departmentId: rule.departmentId,
    departmentName: reference.departments.get(rule.departmentId)?.name ?? '',
  };
}

export function presentRoutingExample(example: RoutingExample) {
  return {
    id: example.id,
    text: example.text,
    categoryCode: example.categoryCode,
    predictedCategoryCode: example.predictedCategoryCode,
    reportId: example.reportId,
    createdAt: example.createdAt.toISOString(),
  };
}

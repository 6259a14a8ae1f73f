import { z } from 'zod';
import { IdSchema, PageQuerySchema, RegionCodeSchema, pageOf } from './common';

/** (category, region) → department; looked up from the village up to the county. */
export const RoutingRuleSchema = z.object({
  id: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
});
export type RoutingRuleDto = z.infer<typeof RoutingRuleSchema>;

export const RoutingRuleInputSchema = z.object({
  categoryCode: z.string().min(1, '请选择问题分类').max(32),
  regionCode: RegionCodeSchema,
  departmentId: IdSchema,
});
export type RoutingRuleInput = z.infer<typeof RoutingRuleInputSchema>;

export const RoutingRuleQuerySchema = PageQuerySchema.extend({
  categoryCode: z.string().max(32).optional(),
  regionCode: RegionCodeSchema.optional(),
});
export type RoutingRuleQuery = z.infer<typeof RoutingRuleQuerySchema>;

export const RoutingRulePageSchema = pageOf(RoutingRuleSchema);

/** A dispatcher's correction, as the retraining reads it. */
export const RoutingExampleSchema = z.object({
  id: z.string(),
  text: z.string(),
  categoryCode: z.string(),
  predictedCategoryCode: z.string().nullable(),
  reportId: z.string().nullable(),
  createdAt: z.string(),
});
export const RoutingExamplePageSchema = pageOf(RoutingExampleSchema);

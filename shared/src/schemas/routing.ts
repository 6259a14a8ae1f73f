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

/** How one category fared on the fixed validation split: before (the model then in use) and after (the new one). */
export const ClassifierClassChangeSchema = z.object({
  categoryCode: z.string(),
  categoryName: z.string(),
  /** Validation examples of the category. */
  n: z.number().int().min(0),
  before: z.number().nullable(),
  after: z.number(),
});
export type ClassifierClassChange = z.infer<typeof ClassifierClassChangeSchema>;

/** One retraining from dispatchers' corrections, kept (it became the model in use) or rejected. */
export const ClassifierVersionSchema = z.object({
  version: z.string(),
  trainedAt: z.string(),
  /** Accuracy on the fixed validation split; null when the split was too small to judge. */
  accuracy: z.number().nullable(),
  /** The model in use before, on the same split. */
  previousAccuracy: z.number().nullable(),
  examples: z.number().int().min(0),
  corrections: z.number().int().min(0),
  validationSize: z.number().int().min(0),
  kept: z.boolean(),
  changes: z.array(ClassifierClassChangeSchema),
  /** Why it was kept or rejected (Chinese, for the admin panel). */
  note: z.string(),
});
export type ClassifierVersion = z.infer<typeof ClassifierVersionSchema>;

/** GET /staff/routing/model: the routing classifier in use and its retraining history, newest first. */
export const ClassifierModelInfoSchema = z.object({
  /** null when the server runs without a model (every report goes to triage). */
  version: z.string().nullable(),
  trainedAt: z.string().nullable(),
  /** `shipped`: the model committed with the code; `retrained`: retrained here from corrections. */
  source: z.enum(['shipped', 'retrained', 'none']),
  accuracy: z.number().nullable(),
  examples: z.number().int().min(0).nullable(),
  changes: z.array(ClassifierClassChangeSchema),
  /** Calibrated confidence from which a report goes straight to a department. */
  threshold: z.number(),
  /** Dispatchers' corrections recorded so far. */
  corrections: z.number().int().min(0),
  /** When the next scheduled retraining is due; null when retraining is switched off. */
  nextRetrainAt: z.string().nullable(),
  history: z.array(ClassifierVersionSchema),
});
export type ClassifierModelInfo = z.infer<typeof ClassifierModelInfoSchema>;

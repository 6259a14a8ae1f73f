import { z } from 'zod';
import { REPORT_STATUSES, TRANSCRIPT_SOURCES } from '../domain/enums';
import { LIMITS } from '../domain/limits';
import { QUEUE_TAB_KEYS, type QueueTabKey } from '../domain/queueTabs';
import { ERROR_CODES, IdSchema, PageQuerySchema, RegionCodeSchema, pageOf } from './common';
import { NamedRoutingSuggestionSchema, ReportSummarySchema } from './reports';
import { freeText } from './text';

/** GET /staff/reports/counts: one number per tab, under the same filters as the list. */
export const QueueCountsSchema = z.object(
  Object.fromEntries(QUEUE_TAB_KEYS.map((key) => [key, z.number().int().min(0)])) as Record<QueueTabKey, z.ZodNumber>,
);
export type QueueCounts = z.infer<typeof QueueCountsSchema>;

/** GET /staff/reports/triage: reports waiting for dispatch, or open reports that look like duplicates. */
export const TriageQuerySchema = PageQuerySchema.extend({
  view: z.enum(['dispatch', 'duplicates']).default('dispatch'),
  regionCode: RegionCodeSchema.optional(),
  keyword: z.string().trim().max(50).optional(),
});
export type TriageQuery = z.infer<typeof TriageQuerySchema>;

export const TriageItemSchema = ReportSummarySchema.extend({
  overdue: z.boolean(),
  escalated: z.boolean(),
  /** The full text (or transcript), so the dispatcher can decide without opening the report. */
  text: z.string(),
  /** The voice clip's transcript (null without one), and where it came from. */
  transcript: z.string().nullable(),
  transcriptSource: z.enum(TRANSCRIPT_SOURCES).nullable(),
  /** The server is still transcribing the voice clip (转写中…). */
  transcriptPending: z.boolean(),
  prediction: z.object({ categoryCode: z.string(), confidence: z.number() }).nullable(),
  /**
   * The classifier's top three by calibrated confidence (highest first), each with the department
   * routing would send it to; `confident` marks one at or above `threshold`.
   */
  suggestions: z.array(NamedRoutingSuggestionSchema).max(3),
  /** The routing threshold in force (calibrated confidence, 0–1). */
  threshold: z.number().min(0).max(1),
  /** Offer the first suggestion as the one-click dispatch: it reaches the threshold and routing names a department. */
  oneClick: z.boolean(),
  /** An older open report in scope this one resembles. */
  duplicateOf: z
    .object({
      id: z.string(),
      serialNo: z.string(),
      excerpt: z.string(),
      status: z.enum(REPORT_STATUSES),
      submittedAt: z.string(),
    })
    .nullable(),
});
export type TriageItem = z.infer<typeof TriageItemSchema>;
export const TriagePageSchema = pageOf(TriageItemSchema);

export const BULK_ASSIGN_MAX = 50;

/** POST /staff/reports/bulk-assign: the same `assign` on several reports, each judged on its own. */
export const BulkAssignRequestSchema = z.object({
  reportIds: z
    .array(IdSchema)
    .min(1, '请选择要派单的事项')
    .max(BULK_ASSIGN_MAX, `一次最多派 ${BULK_ASSIGN_MAX} 件`)
    .refine((ids) => new Set(ids).size === ids.length, '事项重复'),
  departmentId: IdSchema,
  categoryCode: z.string().min(1).max(32).optional(),
  note: freeText().max(LIMITS.noteMax).optional(),
});
export type BulkAssignRequest = z.infer<typeof BulkAssignRequestSchema>;

export const BulkAssignResultSchema = z.object({
  reportId: z.string(),
  ok: z.boolean(),
  /** null when the report does not exist or is not in one's scope. */
  serialNo: z.string().nullable(),
  status: z.enum(REPORT_STATUSES).nullable(),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), field: z.string().optional() }).nullable(),
});
export type BulkAssignResult = z.infer<typeof BulkAssignResultSchema>;

export const BulkAssignResponseSchema = z.object({
  succeeded: z.number().int().min(0),
  failed: z.number().int().min(0),
  results: z.array(BulkAssignResultSchema),
});
export type BulkAssignResponse = z.infer<typeof BulkAssignResponseSchema>;

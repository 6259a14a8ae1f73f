import { z } from 'zod';
import { CITIZEN_STATUS_NAMES, REPORT_STATUSES, type ReportStatus } from '../domain/enums';
import { LIMITS } from '../domain/limits';
import { CategoryRefSchema, DepartmentRefSchema, PageQuerySchema, RegionCodeSchema, pageOf } from './common';
import { freeText } from './text';

/**
 * 我也遇到: while composing, a villager sees the open reports of their village that look like the
 * same matter, and follows one instead of filing it again. Only what the village board may show
 * (PRODUCT.md §9 Openness): text that passed content security, never who reported it.
 */

/** A report's status as a follower reads it: they are never asked to rate (the reporter alone rates). */
export const FOLLOWER_STATUS_NAMES: Record<ReportStatus, string> = {
  ...CITIZEN_STATUS_NAMES,
  resolved: '已办结',
  closed: '已办结',
};

/** How many similar reports the compose page shows at most. */
export const SIMILAR_REPORTS_MAX = 5;

/** GET /reports/similar: what the villager has written or said so far, and their village. */
export const SimilarReportsQuerySchema = z.object({
  villageCode: RegionCodeSchema,
  text: freeText({ error: '请先说一说或写几句' })
    .trim()
    .min(1, '请先说一说或写几句')
    .max(LIMITS.reportTextMax + LIMITS.transcriptMax),
});
export type SimilarReportsQuery = z.infer<typeof SimilarReportsQuerySchema>;

/** A report as others may see it: an excerpt of its checked text, who handles it and how many joined it. */
export const SimilarReportSchema = z.object({
  id: z.string(),
  serialNo: z.string(),
  excerpt: z.string(),
  status: z.enum(REPORT_STATUSES),
  category: CategoryRefSchema.nullable(),
  department: DepartmentRefSchema.nullable(),
  /** How many villagers follow it (我也遇到), the reporter not counted. */
  followers: z.number().int().min(0),
});
export type SimilarReport = z.infer<typeof SimilarReportSchema>;

export const SimilarReportsResponseSchema = z.object({ items: z.array(SimilarReportSchema).max(SIMILAR_REPORTS_MAX) });
export type SimilarReportsResponse = z.infer<typeof SimilarReportsResponseSchema>;

/** POST / DELETE /reports/:id/follow: the count after joining or leaving. */
export const FollowResultSchema = z.object({ followers: z.number().int().min(0), following: z.boolean() });
export type FollowResult = z.infer<typeof FollowResultSchema>;

/** GET /reports/following: 我关注的, newest joined first. */
export const FollowingQuerySchema = PageQuerySchema;
export type FollowingQuery = z.infer<typeof FollowingQuerySchema>;

export const FollowingItemSchema = SimilarReportSchema.extend({
  statusName: z.string(),
  villageName: z.string(),
  submittedAt: z.string(),
  /** When the caller joined it. */
  followedAt: z.string(),
});
export type FollowingItem = z.infer<typeof FollowingItemSchema>;

export const FollowingResponseSchema = pageOf(FollowingItemSchema);
export type FollowingResponse = z.infer<typeof FollowingResponseSchema>;

import { z } from 'zod';
import { REPORT_STATUSES } from '../domain/enums';
import { CategoryRefSchema, DepartmentRefSchema, IdSchema, RegionCodeSchema, pageOf } from './common';
import { MonthSchema } from './stats';

/**
 * What is open by default (PRODUCT.md §9 Openness): the village board of 民情直通 reports whose reporter
 * left 公开 on, the same reports through Open311 GeoReport v2, and a department's ranking over months.
 * Nothing here ever names, reaches or places a person.
 */

/** The board shows what was reported in the last 90 days; Open311 shows the same reports. */
export const PUBLIC_REPORT_DAYS = 90;

/** The board's two lists: still being handled, or answered (办结 and 已评价). */
export const PUBLIC_REPORT_STATES = ['open', 'resolved'] as const;
export type PublicReportState = (typeof PUBLIC_REPORT_STATES)[number];

export const PublicReportsQuerySchema = z.object({
  villageCode: RegionCodeSchema,
  status: z.enum(PUBLIC_REPORT_STATES).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type PublicReportsQuery = z.infer<typeof PublicReportsQuerySchema>;

export const PublicPhotoSchema = z.object({
  /** A signed link valid for an hour (the photo passed content security; its metadata was stripped on upload). */
  url: z.string(),
});

/** One report on the board: what was asked, who has it and what they answered. */
export const PublicReportSchema = z.object({
  serialNo: z.string(),
  /** The first words of the report, for the list. */
  excerpt: z.string(),
  /** The report's text, as it passed content security. */
  text: z.string(),
  status: z.enum(REPORT_STATUSES),
  state: z.enum(PUBLIC_REPORT_STATES),
  category: CategoryRefSchema.nullable(),
  department: DepartmentRefSchema.nullable(),
  village: z.object({ code: z.string(), name: z.string() }),
  township: z.object({ code: z.string(), name: z.string() }),
  photos: z.array(PublicPhotoSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The resolve deadline, once a department has it. */
  dueAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** The department's answer when it resolved the report (办结答复). */
  answer: z.object({ text: z.string(), at: z.string() }).nullable(),
});
export type PublicReport = z.infer<typeof PublicReportSchema>;

export const PublicReportPageSchema = pageOf(PublicReportSchema);
export type PublicReportPage = z.infer<typeof PublicReportPageSchema>;

/** A department's trend: its figures month by month, the current month last. */
export const RankingTrendQuerySchema = z.object({
  departmentId: IdSchema,
  months: z.coerce.number().int().min(2).max(12).default(6),
  /** The last month of the trend; defaults to the current one. */
  month: MonthSchema.optional(),
});
export type RankingTrendQuery = z.infer<typeof RankingTrendQuerySchema>;

const rate = z.number().min(0).max(1).nullable();
export const RankingTrendMonthSchema = z.object({
  month: z.string(),
  received: z.number().int().min(0),
  resolvedRate: rate,
  onTimeRate: rate,
  satisfactionRate: rate,
  meanHoursToResolve: z.number().nullable(),
  /** Fewer than minReceived reports that month: shown, not ranked (样本不足). */
  insufficient: z.boolean(),
  /** Its place among the ranked departments that month; null when not ranked. */
  rank: z.number().int().nullable(),
});
export type RankingTrendMonth = z.infer<typeof RankingTrendMonthSchema>;

export const RankingTrendSchema = z.object({
  departmentId: z.string(),
  name: z.string(),
  minReceived: z.number().int().min(1),
  months: z.array(RankingTrendMonthSchema),
});
export type RankingTrend = z.infer<typeof RankingTrendSchema>;

/** 合作方: a county 12345 platform or partner system filing reports through Open311 with its own api_key. */
export const PartnerInputSchema = z.object({
  name: z.string().trim().min(2, '请填写合作方名称').max(50, '名称不能超过50字'),
});
export type PartnerInput = z.infer<typeof PartnerInputSchema>;

export const PartnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first characters, to tell keys apart; the key itself is shown once, at creation. */
  keyPrefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Reports filed with this key. */
  reportsFiled: z.number().int().min(0),
});
export type Partner = z.infer<typeof PartnerSchema>;

export const PartnerCreatedSchema = z.object({ partner: PartnerSchema, apiKey: z.string() });
export type PartnerCreated = z.infer<typeof PartnerCreatedSchema>;

export const PartnerListSchema = z.array(PartnerSchema);

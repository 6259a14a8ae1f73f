import { z } from 'zod';
import { REPORT_STATUSES } from '../domain/enums';
import { RegionCodeSchema } from './common';
import { StaffStatsQuerySchema, StatsScopeSchema } from './stats';

/**
 * 未诉先办: where matters gather before anyone complains — the dashboard's 热点研判 and the weekly
 * 研判简报. Every figure is defined once in server/src/stats/figures.ts (HOTSPOT_*, REPEAT_MATTER).
 */

const count = z.number().int().min(0);
const day = z.iso.date();

/** A span of China calendar days, both ends included. */
export const DaySpanSchema = z.object({ from: day, to: day });
export type DaySpan = z.infer<typeof DaySpanSchema>;

/** 上升热点: a village × category whose received count rose against both comparison periods. */
export const RisingHotspotSchema = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  /** Received in the period (the cohort rule, by dispatch day). */
  count,
  /** 环比: the same number of days just before. */
  previous: count,
  /** 同比: the same calendar days a year earlier. */
  lastYear: count,
});
export type RisingHotspot = z.infer<typeof RisingHotspotSchema>;

/** 重复反映: the same village and category reported again within REPEAT_MATTER_DAYS of a resolution. */
export const RepeatMatterSchema = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  /** Reports submitted in the period that repeat a matter resolved in the days before. */
  count,
  /** The latest of those reports' submission times. */
  lastReportedAt: z.string(),
});
export type RepeatMatter = z.infer<typeof RepeatMatterSchema>;

/** 关注最多: a report many villagers joined with 我也遇到. */
export const MostFollowedReportSchema = z.object({
  id: z.string(),
  serialNo: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  categoryCode: z.string().nullable(),
  categoryName: z.string(),
  followerCount: count,
  status: z.enum(REPORT_STATUSES),
  statusName: z.string(),
  submittedAt: z.string(),
});
export type MostFollowedReport = z.infer<typeof MostFollowedReportSchema>;

export const HotspotsSchema = z.object({
  ...DaySpanSchema.shape,
  scope: StatsScopeSchema,
  previous: DaySpanSchema,
  lastYear: DaySpanSchema,
  /** The least a village × category must count in the period to be called rising. */
  minCount: count,
  /** Days after a resolution within which a new report of the same village and category is a repeat. */
  repeatDays: count,
  rising: z.array(RisingHotspotSchema),
  repeats: z.array(RepeatMatterSchema),
  /** The fewest followers a report needs to be listed in `followed`. */
  followedMin: count,
  followed: z.array(MostFollowedReportSchema),
  /** How each list is made, in words (server/src/stats/figureDefinitions.ts). */
  definitions: z.object({ rising: z.string(), repeats: z.string(), followed: z.string() }),
});
export type Hotspots = z.infer<typeof HotspotsSchema>;

export const StaffHotspotsQuerySchema = StaffStatsQuerySchema;
export type StaffHotspotsQuery = z.infer<typeof StaffHotspotsQuerySchema>;

/** A Monday, China time: the first day of the week a 研判简报 covers. */
export const BriefWeekSchema = z.iso.date('周的格式应为 YYYY-MM-DD（周一）');

export const StaffBriefsQuerySchema = z.object({ regionCode: RegionCodeSchema.optional() });
export type StaffBriefsQuery = z.infer<typeof StaffBriefsQuerySchema>;

/** 研判简报: generated each Monday for the week before, one per region (the county and each township). */
export const WeeklyBriefSummarySchema = z.object({
  /** The Monday the brief's week starts on. */
  week: day,
  /** The week's days, Monday to Sunday. */
  ...DaySpanSchema.shape,
  regionCode: z.string(),
  regionName: z.string(),
  generatedAt: z.string(),
});
export type WeeklyBriefSummary = z.infer<typeof WeeklyBriefSummarySchema>;

export const WeeklyBriefListSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  items: z.array(WeeklyBriefSummarySchema),
});
export type WeeklyBriefList = z.infer<typeof WeeklyBriefListSchema>;

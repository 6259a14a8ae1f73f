import { z } from 'zod';
import { DEPARTMENT_LEVELS, REGION_LEVELS } from '../domain/enums';
import { RegionCodeSchema } from './common';

/**
 * Performance figures (PRODUCT.md §6). The server defines each figure once (server/src/stats);
 * the public ranking and the staff statistics answer the same shape. Rates are in [0, 1], or
 * null when nothing was there to count (no report received, resolved or rated).
 */

/** A calendar month in China Standard Time: 2026-03. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();

export const StatFiguresSchema = z.object({
  /** Reports dispatched to the department (or into the region) during the period, not later rejected or merged. */
  received: count,
  /** Of those, signed for by their response deadline. */
  responded: count,
  /** 响应率: responded / received. */
  responseRate: rate,
  /** Of those, resolved now (status resolved or closed). */
  resolved: count,
  /** Of the resolved, resolved by their resolve deadline. */
  resolvedOnTime: count,
  /** 按时办结率: resolvedOnTime / resolved. */
  onTimeRate: rate,
  /** 办结率: resolved / received. */
  resolvedRate: rate,
  /** Of those received, rated by the citizen. */
  rated: count,
  /** Of the rated, rated 4 or 5 stars. */
  satisfied: count,
  /** 满意率: satisfied / rated. */
  satisfactionRate: rate,
  /** Of those received, rated by the filer of a 代报 for the household after a return visit (回访评价), apart from `rated`. */
  visitRated: count,
  /** Of the visit-rated, rated 4 or 5 stars. */
  visitSatisfied: count,
  /** 回访满意率: visitSatisfied / visitRated. */
  visitSatisfactionRate: rate,
  /** Mean hours from dispatch to resolution over the resolved, two decimals; null when none is resolved. */
  meanHoursToResolve: z.number().min(0).nullable(),
  /** Of those received, open past their resolve deadline now, or resolved after it. */
  overdue: count,
  /** 退单: returns made by the department (in the region) during the period. */
  returns: count,
  /** 重复投诉: of those received, reopened at least once by the citizen. */
  repeatComplaints: count,
});
export type StatFigures = z.infer<typeof StatFiguresSchema>;

const ranked = {
  /** 1 for the best; ordered by score, then received, then name. */
  rank: z.number().int().min(1),
  /** Weighted mean of the rates that exist, 0–100 (see server/src/stats/rankingOrder.ts); null with nothing received. */
  score: z.number().min(0).max(100).nullable(),
};

export const DepartmentRankingSchema = StatFiguresSchema.extend({
  ...ranked,
  departmentId: z.string(),
  name: z.string(),
  level: z.enum(DEPARTMENT_LEVELS),
  regionCode: z.string(),
});
export type DepartmentRanking = z.infer<typeof DepartmentRankingSchema>;

export const RegionRankingSchema = StatFiguresSchema.extend({
  ...ranked,
  regionCode: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
});
export type RegionRanking = z.infer<typeof RegionRankingSchema>;

/** Listed apart as 样本不足: the same figures, no rank and no score (too few reports for either to be fair). */
export const UnrankedDepartmentSchema = DepartmentRankingSchema.omit({ rank: true, score: true });
export type UnrankedDepartment = z.infer<typeof UnrankedDepartmentSchema>;
export const UnrankedRegionSchema = RegionRankingSchema.omit({ rank: true, score: true });
export type UnrankedRegion = z.infer<typeof UnrankedRegionSchema>;

/** The figures a ranking publishes, in the order they are explained. */
export const RANKING_FIGURES = [
  'score',
  'received',
  'responseRate',
  'resolvedRate',
  'onTimeRate',
  'satisfactionRate',
  'visitSatisfactionRate',
  'meanHoursToResolve',
  'overdue',
  'returns',
  'repeatComplaints',
] as const;
export type RankingFigure = (typeof RANKING_FIGURES)[number];

/** How one figure is computed, in words for the public (Chinese). */
export const FigureDefinitionSchema = z.object({
  figure: z.enum(RANKING_FIGURES),
  label: z.string(),
  howComputed: z.string(),
});
export type FigureDefinition = z.infer<typeof FigureDefinitionSchema>;

/** What every ranking says about its own rules. */
export const rankingRules = {
  /** RANKING_MIN_RECEIVED: an entry that received fewer reports in the period is not ranked but listed under `insufficient` (样本不足). */
  minReceived: z.number().int().min(1),
  /** How each figure and the score are computed. */
  definitions: z.array(FigureDefinitionSchema),
};

export const RankingsQuerySchema = z.object({ month: MonthSchema.optional() });
export type RankingsQuery = z.infer<typeof RankingsQuerySchema>;

export const RankingsResponseSchema = z.object({
  month: z.string(),
  /** The month as instants: [from, to). */
  from: z.string(),
  to: z.string(),
  /** Figures depend on when they are computed: open reports become overdue, reports get resolved. */
  generatedAt: z.string(),
  /** Ranked: received at least minReceived reports in the month. */
  departments: z.array(DepartmentRankingSchema),
  townships: z.array(RegionRankingSchema),
  counties: z.array(RegionRankingSchema),
  /** 样本不足: listed, not ranked; most received first. */
  insufficient: z.object({
    departments: z.array(UnrankedDepartmentSchema),
    townships: z.array(UnrankedRegionSchema),
    counties: z.array(UnrankedRegionSchema),
  }),
  ...rankingRules,
});
export type RankingsResponse = z.infer<typeof RankingsResponseSchema>;

/** Dates are China Standard Time calendar days, both ends included; defaults: this month up to today. */
export const StaffStatsQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  regionCode: RegionCodeSchema.optional(),
});
export type StaffStatsQuery = z.infer<typeof StaffStatsQuerySchema>;

export const BREAKDOWN_DIMENSIONS = ['category', 'township', 'village', 'department'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export const StaffBreakdownQuerySchema = StaffStatsQuerySchema.extend({ by: z.enum(BREAKDOWN_DIMENSIONS) });
export type StaffBreakdownQuery = z.infer<typeof StaffBreakdownQuerySchema>;

/** What the figures cover: a region, and for a department's handler that department only. */
export const StatsScopeSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
});
export type StatsScopeView = z.infer<typeof StatsScopeSchema>;

const period = { from: z.iso.date(), to: z.iso.date(), scope: StatsScopeSchema };

export const StaffOverviewSchema = z.object({
  ...period,
  today: z.object({
    date: z.iso.date(),
    /** Reports citizens submitted today. */
    submitted: count,
    /** Reports dispatched to a department today. */
    received: count,
  }),
  /** Open now (待受理, 已派单, 处理中, 重办), whenever they arrived. */
  backlog: count,
  /** Open now and past their resolve deadline. */
  overdueNow: count,
  figures: StatFiguresSchema,
});
export type StaffOverview = z.infer<typeof StaffOverviewSchema>;

export const TrendDaySchema = z.object({
  date: z.iso.date(),
  /** Dispatched to a department that day. */
  received: count,
  /** Resolved that day (and still resolved or closed). */
  resolved: count,
  /** Overdue now, by the day their resolve deadline passed. */
  overdue: count,
});
export type TrendDay = z.infer<typeof TrendDaySchema>;

export const StaffTrendsSchema = z.object({ ...period, days: z.array(TrendDaySchema) });
export type StaffTrends = z.infer<typeof StaffTrendsSchema>;

export const BreakdownItemSchema = StatFiguresSchema.extend({
  /** Category code, region code or department id; null for reports without a category. */
  key: z.string().nullable(),
  name: z.string(),
});
export type BreakdownItem = z.infer<typeof BreakdownItemSchema>;

export const StaffBreakdownSchema = z.object({
  ...period,
  by: z.enum(BREAKDOWN_DIMENSIONS),
  items: z.array(BreakdownItemSchema),
});
export type StaffBreakdown = z.infer<typeof StaffBreakdownSchema>;

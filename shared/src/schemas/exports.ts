import { z } from 'zod';
import { StaffQueueQuerySchema } from './reports';
import {
  DepartmentRankingSchema,
  StaffStatsQuerySchema,
  StatsScopeSchema,
  UnrankedDepartmentSchema,
  rankingRules,
} from './stats';

/**
 * Staff exports (.xlsx) and the staff-side department ranking they share with the dashboard.
 */

/** Most reports one queue export holds; a larger selection is refused with a message to narrow it. */
export const EXPORT_MAX_ROWS = 5000;

/** GET /staff/reports/export: the work queue's filters and sort, without paging (the whole selection). */
export const StaffReportExportQuerySchema = StaffQueueQuerySchema.omit({ page: true, pageSize: true });
export type StaffReportExportQuery = z.infer<typeof StaffReportExportQuerySchema>;

/** GET /staff/stats/rankings(/export): a period of China calendar days and an optional narrower region. */
export const StaffRankingQuerySchema = StaffStatsQuerySchema;
export type StaffRankingQuery = z.infer<typeof StaffRankingQuerySchema>;

/**
 * The departments ranked on the reports in the staff member's scope for the period, by the
 * public ranking's rules, its minimum number of reports included. For the whole county and a calendar month it is the public ranking's
 * department table; for a township it ranks the departments on that township's reports.
 */
export const StaffRankingSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  scope: StatsScopeSchema,
  /** Ranked: received at least minReceived reports in the period. */
  departments: z.array(DepartmentRankingSchema),
  /** 样本不足: listed, not ranked; most received first. */
  insufficient: z.object({ departments: z.array(UnrankedDepartmentSchema) }),
  ...rankingRules,
});
export type StaffRanking = z.infer<typeof StaffRankingSchema>;

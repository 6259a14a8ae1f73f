import type { EntityManager } from 'typeorm';
import type { Report } from '../db/entities';
import { awardByRule } from './ledger';

/**
 * A report resolved earns its reporter points once, however often it is reopened and resolved
 * again; reports closed as 不予受理 or merged into another never reach `resolve`, so never earn.
 */
export function awardForResolvedReport(manager: EntityManager, report: Report, at: Date): Promise<boolean> {
  return awardByRule(manager, { citizenId: report.citizenId, reason: 'report_resolved', sourceId: report.id, regionCode: report.villageCode, note: report.serialNo, at });
}

/** Rating the answer earns points once per report. */
export function awardForRating(manager: EntityManager, report: Report, at: Date): Promise<boolean> {
  return awardByRule(manager, { citizenId: report.citizenId, reason: 'rating', sourceId: report.id, regionCode: report.villageCode, note: report.serialNo, at });
}

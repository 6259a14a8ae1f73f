import type { PointsReason } from '@minqing/shared';
import { In, type EntityManager } from 'typeorm';
import { Report } from '../../db/entities';
import type { PointsEntryRow } from '../../db/entities';
import { awardByRule } from './ledger';

/** Reasons whose ledger line names a report: `sourceId` is the report's id, `note` its serial number. */
const REPORT_AWARD_REASONS: readonly PointsReason[] = ['report_resolved', 'rating'];

/**
 * The ledger lines earned by anonymous reports. The citizen sees their own serial number; on every
 * staff surface such a line must not tie the report to the person, so staff presenters blank it.
 */
export async function linesOfAnonymousReports(manager: EntityManager, rows: PointsEntryRow[]): Promise<Set<string>> {
  const reportIds = [
    ...new Set(rows.filter((row) => REPORT_AWARD_REASONS.includes(row.reason)).map((row) => row.sourceId)),
  ];
  if (reportIds.length === 0) return new Set();
  const anonymous = new Set<string>();
  for (let start = 0; start < reportIds.length; start += 500) {
    const reports = await manager
      .getRepository(Report)
      .find({ select: ['id'], where: { id: In(reportIds.slice(start, start + 500)), anonymous: true } });
    for (const report of reports) anonymous.add(report.id);
  }
  return new Set(
    rows.filter((row) => REPORT_AWARD_REASONS.includes(row.reason) && anonymous.has(row.sourceId)).map((row) => row.id),
  );
}

/**
 * A report resolved earns its reporter points once, however often it is reopened and resolved
 * again; reports closed as 不予受理 or merged into another never reach `resolve`, so never earn.
 */
export async function awardForResolvedReport(manager: EntityManager, report: Report, at: Date): Promise<boolean> {
  // A 代报 for a household without an account has nobody to credit.
  if (!report.citizenId) return false;
  return awardByRule(manager, {
    citizenId: report.citizenId,
    reason: 'report_resolved',
    sourceId: report.id,
    regionCode: report.villageCode,
    note: report.serialNo,
    at,
  });
}

/** Rating the answer earns points once per report. */
export async function awardForRating(manager: EntityManager, report: Report, at: Date): Promise<boolean> {
  if (!report.citizenId) return false;
  return awardByRule(manager, {
    citizenId: report.citizenId,
    reason: 'rating',
    sourceId: report.id,
    regionCode: report.villageCode,
    note: report.serialNo,
    at,
  });
}

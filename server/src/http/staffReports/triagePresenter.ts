import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { TriageItem } from '@minqing/shared';
import { Report, type Staff } from '../../db/entities';
import { reportsBeingTranscribed } from '../../jobs/transcribing';
import { staffCanView } from '../../policies/report';
import { type ReportLookups, nameSuggestions, presentStaffSummary } from '../../presenters/report';

/** The top three suggestions by confidence, and whether the first may be dispatched in one click. */
function suggestionsOf(
  report: Report,
  lookups: ReportLookups,
  threshold: number,
): Pick<TriageItem, 'suggestions' | 'threshold' | 'oneClick'> {
  const ranked = [...(report.suggestions ?? [])].sort((a, b) => b.confidence - a.confidence).slice(0, 3);
  const suggestions = nameSuggestions(ranked, lookups, threshold);
  const first = suggestions[0];
  return { suggestions, threshold, oneClick: Boolean(first?.confident && first.departmentId) };
}

/** The triage rows: each report with its suggestions named, and the open report it may duplicate. */
export async function presentTriage(
  manager: EntityManager,
  staff: Staff,
  reports: Report[],
  lookups: ReportLookups,
  now: Date,
  threshold: number,
): Promise<TriageItem[]> {
  const duplicateIds = [
    ...new Set(reports.map((report) => report.duplicateOfId).filter((id): id is string => Boolean(id))),
  ];
  const originals = duplicateIds.length ? await manager.getRepository(Report).findBy({ id: In(duplicateIds) }) : [];
  // A duplicate outside one's scope is not shown: its text is not the dispatcher's to read.
  const visible = new Map(
    originals.filter((original) => staffCanView(staff, original)).map((original) => [original.id, original]),
  );
  const transcribing = await reportsBeingTranscribed(manager, reports);
  return reports.map((report) => {
    const summary = presentStaffSummary(report, lookups, now, transcribing);
    const original = report.duplicateOfId ? visible.get(report.duplicateOfId) : undefined;
    return {
      ...summary,
      text: report.text || report.transcript || summary.excerpt,
      prediction:
        report.predictedCategoryCode && report.predictionConfidence !== null
          ? { categoryCode: report.predictedCategoryCode, confidence: report.predictionConfidence }
          : null,
      ...suggestionsOf(report, lookups, threshold),
      duplicateOf: original
        ? {
            id: original.id,
            serialNo: original.serialNo,
            excerpt: presentStaffSummary(original, lookups, now).excerpt,
            status: original.status,
            submittedAt: original.createdAt.toISOString(),
          }
        : null,
    };
  });
}

import { CHECKED_FIELD_NAMES, type ModerationItem } from '@minqing/shared';
import { In, type EntityManager } from 'typeorm';
import { Citizen, type ContentCheck, Report, ReportEvent } from '../db/entities';
import { attachmentContentUrl } from './attachment';

/** Held content as moderators see it: the text itself, or a link to the media (staff may read it). */
export async function presentModerationItems(
  manager: EntityManager,
  checks: ContentCheck[],
): Promise<ModerationItem[]> {
  const idsOf = (type: ContentCheck['subjectType']) =>
    checks.filter((check) => check.subjectType === type).map((check) => check.subjectId);
  const reportIds = [...new Set(checks.map((check) => check.reportId).filter((id): id is string => id !== null))];
  const [reports, events, citizens] = await Promise.all([
    reportIds.length ? manager.getRepository(Report).findBy({ id: In(reportIds) }) : [],
    idsOf('event').length ? manager.getRepository(ReportEvent).findBy({ id: In(idsOf('event')) }) : [],
    idsOf('citizen').length ? manager.getRepository(Citizen).findBy({ id: In(idsOf('citizen')) }) : [],
  ]);
  const report = new Map(reports.map((row) => [row.id, row]));
  const note = new Map(events.map((row) => [row.id, row.note]));
  const nickname = new Map(citizens.map((row) => [row.id, row.nickname]));
  const textOf = (check: ContentCheck): string | null => {
    if (check.subjectType === 'citizen') return nickname.get(check.subjectId) ?? null;
    if (check.subjectType === 'event') return note.get(check.subjectId) ?? null;
    if (check.subjectType === 'report') {
      const source = report.get(check.subjectId);
      return (check.field === 'voice.transcript' ? source?.transcript : source?.text) ?? null;
    }
    return null;
  };
  return checks.map((check) => {
    const owner = check.reportId ? report.get(check.reportId) : undefined;
    return {
      id: check.id,
      field: check.field,
      fieldName: CHECKED_FIELD_NAMES[check.field],
      status: check.status,
      label: check.label,
      moderation: check.moderation ?? 'held',
      report: owner ? { id: owner.id, serialNo: owner.serialNo } : null,
      text: textOf(check),
      attachmentUrl: check.subjectType === 'attachment' ? attachmentContentUrl(check.subjectId) : null,
      createdAt: check.createdAt.toISOString(),
      moderatedAt: check.moderatedAt?.toISOString() ?? null,
    };
  });
}

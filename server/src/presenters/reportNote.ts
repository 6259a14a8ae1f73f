import type { ReportNote as ReportNoteDto } from '@minqing/shared';
import type { ReportNote, Staff } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';

export function presentReportNote(
  note: ReportNote,
  author: Staff | undefined,
  lookups: Pick<ReferenceSnapshot, 'departments'>,
): ReportNoteDto {
  const departmentName = author?.departmentId ? (lookups.departments.get(author.departmentId)?.name ?? null) : null;
  return {
    id: note.id,
    body: note.body,
    author: author ? { id: author.id, name: author.name, departmentName } : null,
    createdAt: note.createdAt.toISOString(),
  };
}

import type { ReportNote, ReportNoteList, ReporterContact } from '@minqing/shared';
import { request } from '../api';

const base = (reportId: string) => `/staff/reports/${encodeURIComponent(reportId)}`;

/** server/src/routes/reportNotes and server/src/routes/reporterContact */
export const notesApi = {
  list: (reportId: string) => request<ReportNoteList>(`${base(reportId)}/notes`).then((answer) => answer.items),
  add: (reportId: string, body: string) =>
    request<ReportNote>(`${base(reportId)}/notes`, { method: 'POST', body: { body } }),
  /** Audited on the server: who, which report, from where, why. */
  revealContact: (reportId: string, reason: string) =>
    request<ReporterContact>(`${base(reportId)}/reporter-contact`, { method: 'POST', body: { reason } }),
};

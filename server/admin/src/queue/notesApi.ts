import { staffReportRoutes as routes } from '@minqing/shared';
import { call } from '../api';

/** 内部备注 and 查看完整号码 (shared/src/contracts/staffReports.ts). */
export const notesApi = {
  list: (reportId: string) => call(routes.notes, { params: { id: reportId } }).then((answer) => answer.items),
  add: (reportId: string, body: string) => call(routes.addNote, { params: { id: reportId }, body: { body } }),
  /** Audited on the server: who, which report, from where, why. */
  revealContact: (reportId: string, reason: string) =>
    call(routes.reporterContact, { params: { id: reportId }, body: { reason } }),
};

import type { PayoutKind, PayoutProposal, PayoutStatus, ReportSummary } from '@minqing/shared';
import { staffPayoutRoutes as routes, staffReportRoutes } from '@minqing/shared';
import { call } from '../api';

export interface PayoutListQuery {
  page: number;
  pageSize: number;
  status?: PayoutStatus;
  kind?: PayoutKind;
}

const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

/** The payout routes (shared/src/contracts/staffPayouts.ts), and the work queue to find the 违法举报 a reward is for. */
export const payoutsApi = {
  settings: () => call(routes.settings),
  list: (query: PayoutListQuery) => call(routes.list, { query }),
  propose: (proposal: PayoutProposal) => call(routes.propose, { body: proposal }),
  approve: (id: string) => call(routes.approve, { params: { id } }),
  reject: (id: string, reason: string) => call(routes.reject, { params: { id }, body: { reason } }),
  /**
   * A resolved 违法举报 in scope by its serial number (HY20261122-0042) or its id; null when there
   * is none (the server checks again when the reward is proposed).
   */
  findIllegalReport: async (serialOrId: string): Promise<ReportSummary | null> => {
    const text = serialOrId.trim();
    if (ID.test(text)) {
      const report = await call(staffReportRoutes.detail, { params: { id: text } }).catch(() => null);
      return report && report.serviceCode === 'illegal' && ['resolved', 'closed'].includes(report.status)
        ? report
        : null;
    }
    const page = await call(staffReportRoutes.queue, {
      query: { serviceCode: 'illegal', status: 'resolved,closed', pageSize: 1, serialNo: text },
    });
    return page.items[0] ?? null;
  },
};

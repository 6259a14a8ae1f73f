import type {
  Page,
  Payout,
  PayoutKind,
  PayoutProposal,
  PayoutSettings,
  PayoutStatus,
  ReportSummary,
} from '@minqing/shared';
import { staffReportRoutes } from '@minqing/shared';
import { call, request } from '../api';

export interface PayoutListQuery {
  page: number;
  pageSize: number;
  status?: PayoutStatus;
  kind?: PayoutKind;
}

export function payoutQueryString(query: PayoutListQuery): string {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.status) params.set('status', query.status);
  if (query.kind) params.set('kind', query.kind);
  return params.toString();
}

const one = (id: string) => encodeURIComponent(id);
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

/** server/src/routes/payouts/staffPayouts (and the work queue, to find the 违法举报 a reward is for). */
export const payoutsApi = {
  settings: () => request<PayoutSettings>('/staff/payouts/settings'),
  list: (query: PayoutListQuery) => request<Page<Payout>>(`/staff/payouts?${payoutQueryString(query)}`),
  propose: (proposal: PayoutProposal) => request<Payout>('/staff/payouts', { method: 'POST', body: proposal }),
  approve: (id: string) => request<Payout>(`/staff/payouts/${one(id)}/approve`, { method: 'POST' }),
  reject: (id: string, reason: string) =>
    request<Payout>(`/staff/payouts/${one(id)}/reject`, { method: 'POST', body: { reason } }),
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

import { PayoutProposalSchema } from '@minqing/shared';
import type { PayoutKind, PayoutProposal, PayoutSettings } from '@minqing/shared';
import type { Dayjs } from 'dayjs';

/** 1250 → "12.50" */
export const fenToYuan = (fen: number): string => (fen / 100).toFixed(2);

/** An amount typed in 元 → fen; null when it is not a sum of money (negative, more than two decimals). */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan === null || yuan === undefined || yuan === '') return null;
  const text = String(yuan).trim();
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const [whole, decimals = ''] = text.split('.');
  // Digits, not floating point: 0.29 元 is 29 fen, never 28.999….
  return Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
}

export interface ProposalFormValues {
  kind: PayoutKind;
  /** The 违法举报 found by serial number or id. */
  reportId?: string;
  phone?: string;
  month?: Dayjs | null;
  amountYuan?: number | string | null;
  remark?: string;
}

export const PROPOSAL_FIELDS = ['reportId', 'phone', 'month', 'amountYuan', 'remark'] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];
type Checked =
  | { ok: true; proposal: PayoutProposal }
  | { ok: false; errors: { field: ProposalField; message: string }[] };

/** The request's field names → the form's (the amount is typed in 元, sent in fen). */
export const formFieldOf = (field: string): ProposalField | null =>
  field === 'amountFen'
    ? 'amountYuan'
    : (PROPOSAL_FIELDS as readonly string[]).includes(field)
      ? (field as ProposalField)
      : null;

/** The form → POST /staff/payouts, checked with the server's schema and the per-payment limit. */
export function buildProposal(values: ProposalFormValues, settings: Pick<PayoutSettings, 'maxPerPaymentFen'>): Checked {
  const amountFen = yuanToFen(values.amountYuan);
  if (amountFen === null) {
    const message =
      values.amountYuan === null || values.amountYuan === undefined || values.amountYuan === ''
        ? '请填写金额'
        : '金额格式不正确（最多两位小数）';
    return { ok: false, errors: [{ field: 'amountYuan', message }] };
  }
  if (settings.maxPerPaymentFen > 0 && amountFen > settings.maxPerPaymentFen) {
    return {
      ok: false,
      errors: [{ field: 'amountYuan', message: `单笔不能超过 ${fenToYuan(settings.maxPerPaymentFen)} 元` }],
    };
  }
  const remark = values.remark ?? '';
  const candidate =
    values.kind === 'reward'
      ? { kind: 'reward', reportId: values.reportId ?? '', amountFen, remark }
      : {
          kind: 'subsidy',
          phone: (values.phone ?? '').trim(),
          month: values.month ? values.month.format('YYYY-MM') : '',
          amountFen,
          remark,
        };
  const parsed = PayoutProposalSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, proposal: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const field = formFieldOf(String(issue.path[0])) ?? 'remark';
      if (field === 'reportId' && !values.reportId) return { field, message: '请先查找并选定举报事项' };
      if (field === 'month' && !values.month) return { field, message: '请选择月份' };
      return { field, message: issue.message };
    }),
  };
}

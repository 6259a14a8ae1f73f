import { z } from 'zod';
import { IdSchema, PageQuerySchema, PhoneSchema, pageOf } from './common';
import { freeText } from './text';

/**
 * Cash through WeChat Pay 商家转账: rewards for verified 违法举报 and monthly grid-worker subsidies.
 * One staff member proposes, another approves, then the server transfers; WeChat's answers,
 * notifications and the reconciliation job move the payout to its end.
 */
export const PAYOUT_KINDS = ['reward', 'subsidy'] as const;
export type PayoutKind = (typeof PAYOUT_KINDS)[number];
export const PAYOUT_KIND_NAMES: Record<PayoutKind, string> = { reward: '举报奖励', subsidy: '网格员补贴' };

export const PAYOUT_STATUSES = [
  'proposed',
  'rejected',
  'sending',
  'wait_user_confirm',
  'processing',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export const PAYOUT_STATUS_NAMES: Record<PayoutStatus, string> = {
  proposed: '待审批',
  rejected: '已驳回',
  sending: '转账中',
  wait_user_confirm: '待收款人确认',
  processing: '转账处理中',
  succeeded: '已到账',
  failed: '转账失败',
  cancelled: '已撤销',
};

/** Where each status may go. `sending` is an approved payout whose transfer WeChat has not yet confirmed receiving. */
export const PAYOUT_TRANSITIONS: Record<PayoutStatus, readonly PayoutStatus[]> = {
  proposed: ['sending', 'rejected'],
  rejected: [],
  sending: ['wait_user_confirm', 'processing', 'succeeded', 'failed', 'cancelled'],
  wait_user_confirm: ['processing', 'succeeded', 'failed', 'cancelled'],
  processing: ['wait_user_confirm', 'succeeded', 'failed', 'cancelled'],
  succeeded: [],
  failed: [],
  cancelled: [],
};

export function payoutCanMove(from: PayoutStatus, to: PayoutStatus): boolean {
  return PAYOUT_TRANSITIONS[from].includes(to);
}

/** Approved and not yet final: the reconciliation job asks WeChat about these. */
export const PAYOUT_PENDING_STATUSES: readonly PayoutStatus[] = ['sending', 'wait_user_confirm', 'processing'];

/** WeChat Pay's transfer-bill states (商家转账) and what each means for a payout. */
export const TRANSFER_STATES = [
  'ACCEPTED',
  'PROCESSING',
  'WAIT_USER_CONFIRM',
  'TRANSFERING',
  'SUCCESS',
  'FAIL',
  'CANCELING',
  'CANCELLED',
] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];
export const PAYOUT_STATUS_OF_TRANSFER: Record<TransferState, PayoutStatus> = {
  ACCEPTED: 'processing',
  PROCESSING: 'processing',
  WAIT_USER_CONFIRM: 'wait_user_confirm',
  TRANSFERING: 'processing',
  SUCCESS: 'succeeded',
  FAIL: 'failed',
  CANCELING: 'processing',
  CANCELLED: 'cancelled',
};

const amountFen = z.number().int('金额以分为单位，须为整数').min(10, '金额至少 0.10 元');
const remark = freeText().min(2, '请填写转账说明').max(32, '转账说明最多 32 字（收款人可见）');

export const PayoutProposalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reward'), reportId: IdSchema, amountFen, remark }),
  z.object({
    kind: z.literal('subsidy'),
    /** The grid worker's phone, bound to their own mini-program account (the money goes to its WeChat). */
    phone: PhoneSchema,
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
    amountFen,
    remark,
  }),
]);
export type PayoutProposal = z.infer<typeof PayoutProposalSchema>;

export const PayoutRejectionSchema = z.object({
  reason: freeText().min(2, '请填写驳回原因').max(200, '原因最多 200 字'),
});

/** What the signed-in staff member may do with a payout, as the server's policy decides; clients show only these buttons. */
export const PAYOUT_ACTIONS = ['approve', 'reject'] as const;
export type PayoutAction = (typeof PAYOUT_ACTIONS)[number];

export const PayoutSchema = z.object({
  id: z.string(),
  kind: z.enum(PAYOUT_KINDS),
  status: z.enum(PAYOUT_STATUSES),
  statusName: z.string(),
  amountFen: z.number().int(),
  remark: z.string(),
  /** The recipient's nickname; their phone masked. */
  recipientName: z.string(),
  recipientPhone: z.string().nullable(),
  reportSerialNo: z.string().nullable(),
  month: z.string().nullable(),
  proposedBy: z.string(),
  approvedBy: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(PAYOUT_ACTIONS)),
});
export type Payout = z.infer<typeof PayoutSchema>;
export const PayoutPageSchema = pageOf(PayoutSchema);
export const PayoutQuerySchema = PageQuerySchema.extend({
  status: z.enum(PAYOUT_STATUSES).optional(),
  kind: z.enum(PAYOUT_KINDS).optional(),
});

export const PayoutSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Why cash is off, in words for the admin panel. */
  reason: z.string().nullable(),
  maxPerPaymentFen: z.number().int(),
  maxPerMonthFen: z.number().int(),
});
export type PayoutSettings = z.infer<typeof PayoutSettingsSchema>;

/** 我的奖励: what the citizen sees of a payout to them, with what wx.requestMerchantTransfer needs to confirm it. */
export const MyRewardSchema = z.object({
  id: z.string(),
  kind: z.enum(PAYOUT_KINDS),
  kindName: z.string(),
  amountFen: z.number().int(),
  remark: z.string(),
  status: z.enum(PAYOUT_STATUSES),
  statusName: z.string(),
  createdAt: z.string(),
  confirm: z.object({ mchId: z.string(), appId: z.string(), package: z.string() }).nullable(),
});
export type MyReward = z.infer<typeof MyRewardSchema>;

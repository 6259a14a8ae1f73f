import {
  PayoutPageSchema,
  PayoutProposalSchema,
  PayoutQuerySchema,
  PayoutRejectionSchema,
  PayoutSchema,
  PayoutSettingsSchema,
} from '../schemas/payouts';
import { created, defineRoute, jsonBody, named, ok } from './route';

/** 奖励与补贴: the staff's side of cash payouts. */
export const STAFF_PAYOUTS_TAG = {
  name: 'staff-payouts',
  description: '奖励与补贴 / Cash rewards and subsidies: proposal, second-person approval, WeChat Pay transfer',
} as const;
const common = { tags: [STAFF_PAYOUTS_TAG.name], access: 'staff', policy: 'payouts' } as const;
const payout = named('Payout', PayoutSchema);

/** Townships and the county propose and approve cash through WeChat Pay 商家转账; two different people for each payout. */
export const staffPayoutRoutes = {
  settings: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/payouts/settings',
    summary: '现金发放设置 / Whether WeChat Pay is configured, and the amount limits',
    description:
      "Who: dispatcher, county. 奖励与补贴: propose a reward for a resolved 违法举报 or a grid worker's monthly subsidy (by the phone bound to their mini-program account); another person approves (the proposer gets 403) and the server transfers; limits per payment and month; every step audited; 503 without WeChat Pay",
    responses: [ok(named('PayoutSettings', PayoutSettingsSchema))],
    errors: [401, 403],
  }),
  list: defineRoute({
    ...common,
    method: 'get',
    path: '/staff/payouts',
    summary: "奖励与补贴 / Payouts in the staff member's region",
    query: PayoutQuerySchema,
    responses: [ok(named('PayoutPage', PayoutPageSchema))],
    errors: [400, 401, 403],
  }),
  propose: defineRoute({
    ...common,
    method: 'post',
    path: '/staff/payouts',
    summary: "提出奖励或补贴 / Propose a reward for a verified 违法举报 or a grid worker's monthly subsidy",
    body: jsonBody('PayoutProposal', PayoutProposalSchema),
    responses: [created(payout)],
    errors: [400, 401, 403, 409, 503],
  }),
  approve: defineRoute({
    ...common,
    method: 'post',
    path: '/staff/payouts/:id/approve',
    summary: '审批并转账 / Approve (not the proposer) and transfer through WeChat Pay',
    responses: [ok(payout)],
    errors: [400, 401, 403, 404, 409, 503],
  }),
  reject: defineRoute({
    ...common,
    method: 'post',
    path: '/staff/payouts/:id/reject',
    summary: '驳回 / Turn a proposal down with a reason',
    body: jsonBody('PayoutRejection', PayoutRejectionSchema),
    responses: [ok(payout)],
    errors: [400, 401, 403, 404, 409],
  }),
};

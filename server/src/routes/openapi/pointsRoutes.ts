import { z } from 'zod';
import {
  MyRewardSchema,
  PageQuerySchema,
  PayoutPageSchema,
  PayoutProposalSchema,
  PayoutQuerySchema,
  PayoutRejectionSchema,
  PayoutSchema,
  PayoutSettingsSchema,
  PointsRuleInputSchema,
  PointsRuleSchema,
  PointsSummarySchema,
  RedeemRequestSchema,
  RedemptionSchema,
  ShopItemInputSchema,
  ShopItemPatchSchema,
  ShopItemSchema,
  StaffLedgerEntrySchema,
  StaffLedgerQuerySchema,
  StaffRedemptionQuerySchema,
  StaffShopQuerySchema,
  VerifyRedemptionRequestSchema,
  VolunteerAwardRequestSchema,
  pageOf,
} from '@minqing/shared';
import type { ApiResponse, ApiRoute, NamedSchema } from './apiDocument';

// Local builders: apiDocument.ts imports this table, so this module cannot import values from it.
const named = (name: string, schema: z.ZodType): NamedSchema => ({ name, schema });
const ok = (schema: NamedSchema): ApiResponse => ({ status: 200, description: 'OK', content: { kind: 'json', schema } });
const created = (schema: NamedSchema): ApiResponse => ({ status: 201, description: 'Created', content: { kind: 'json', schema } });

const redemption = named('Redemption', RedemptionSchema);
const redemptionPage = named('RedemptionPage', pageOf(RedemptionSchema));
const shopItem = named('ShopItem', ShopItemSchema);

/** 治理积分 and the 积分超市: the citizen's side, then the staff's. */
export const pointsRoutes: ApiRoute[] = [
  {
    method: 'get', path: '/api/v1/points', summary: '我的积分 / The citizen\'s balance and ledger, newest first', tags: ['points'],
    access: 'citizen', query: PageQuerySchema, responses: [ok(named('PointsSummary', PointsSummarySchema))], errors: [400, 401],
  },
  {
    method: 'get', path: '/api/v1/points/shop', summary: '积分超市 / Items of the shops of the citizen\'s village and township', tags: ['points'],
    access: 'citizen', responses: [ok(named('ShopItemList', z.array(ShopItemSchema)))], errors: [401],
  },
  {
    method: 'get', path: '/api/v1/points/redemptions', summary: '我的兑换 / The citizen\'s redemptions with their codes', tags: ['points'],
    access: 'citizen', query: PageQuerySchema, responses: [ok(redemptionPage)], errors: [400, 401],
  },
  {
    method: 'post', path: '/api/v1/points/redemptions', summary: '兑换 / Reserve an item: its points and one unit of stock', tags: ['points'],
    access: 'citizen', body: { kind: 'json', schema: named('RedeemRequest', RedeemRequestSchema) }, responses: [created(redemption)], errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post', path: '/api/v1/points/redemptions/{id}/cancel', summary: '取消兑换 / Cancel a reserved redemption; points and stock go back', tags: ['points'],
    access: 'citizen', responses: [ok(redemption)], errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get', path: '/api/v1/staff/points/rules', summary: '积分规则 / Points per award reason in the county', tags: ['staff-points'],
    access: 'staff', responses: [ok(named('PointsRuleList', z.array(PointsRuleSchema)))], errors: [401, 403],
  },
  {
    method: 'put', path: '/api/v1/staff/points/rules/{reason}', summary: '修改积分规则 / Set the points of one award reason', tags: ['staff-points'],
    access: 'staff', body: { kind: 'json', schema: named('PointsRuleInput', PointsRuleInputSchema) }, responses: [ok(named('PointsRule', PointsRuleSchema))], errors: [400, 401, 403],
  },
  {
    method: 'get', path: '/api/v1/staff/points/items', summary: '积分超市商品 / Shop items in the staff member\'s region', tags: ['staff-points'],
    access: 'staff', query: StaffShopQuerySchema, responses: [ok(named('ShopItemPage', pageOf(ShopItemSchema)))], errors: [400, 401, 403],
  },
  {
    method: 'post', path: '/api/v1/staff/points/items', summary: '上架商品 / Add an item to a village or township shop', tags: ['staff-points'],
    access: 'staff', body: { kind: 'json', schema: named('ShopItemInput', ShopItemInputSchema) }, responses: [created(shopItem)], errors: [400, 401, 403],
  },
  {
    method: 'patch', path: '/api/v1/staff/points/items/{id}', summary: '修改商品 / Edit an item: price, stock, on or off the shelf', tags: ['staff-points'],
    access: 'staff', body: { kind: 'json', schema: named('ShopItemPatch', ShopItemPatchSchema) }, responses: [ok(shopItem)], errors: [400, 401, 403, 404],
  },
  {
    method: 'get', path: '/api/v1/staff/points/redemptions', summary: '兑换记录 / Redemptions in the staff member\'s region', tags: ['staff-points'],
    access: 'staff', query: StaffRedemptionQuerySchema, responses: [ok(redemptionPage)], errors: [400, 401, 403],
  },
  {
    method: 'post', path: '/api/v1/staff/points/redemptions/verify', summary: '核销兑换码 / Hand an item over against its code, once', tags: ['staff-points'],
    access: 'staff', body: { kind: 'json', schema: named('VerifyRedemptionRequest', VerifyRedemptionRequestSchema) }, responses: [ok(redemption)], errors: [400, 401, 403, 409],
  },
  {
    method: 'post', path: '/api/v1/staff/points/redemptions/{id}/cancel', summary: '取消兑换 / Cancel a reserved redemption for the villager', tags: ['staff-points'],
    access: 'staff', responses: [ok(redemption)], errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post', path: '/api/v1/staff/points/volunteer', summary: '记录志愿服务积分 / Award a villager, found by bound phone, for volunteer work', tags: ['staff-points'],
    access: 'staff', body: { kind: 'json', schema: named('VolunteerAwardRequest', VolunteerAwardRequestSchema) },
    responses: [created(named('VolunteerAward', z.object({ delta: z.number().int(), note: z.string() })))], errors: [400, 401, 403, 409],
  },
  {
    method: 'get', path: '/api/v1/staff/points/ledger', summary: '积分台账 / Every points movement in the staff member\'s region', tags: ['staff-points'],
    access: 'staff', query: StaffLedgerQuerySchema, responses: [ok(named('StaffLedgerPage', pageOf(StaffLedgerEntrySchema)))], errors: [400, 401, 403],
  },
  {
    method: 'get', path: '/api/v1/staff/points/ledger/export', summary: '导出积分台账 / The ledger under its filters as .xlsx (at most EXPORT_MAX_ROWS lines; audited)', tags: ['staff-points'],
    access: 'staff', query: StaffLedgerQuerySchema.omit({ page: true, pageSize: true }),
    responses: [{ status: 200, description: 'OK（.xlsx，Content-Disposition: attachment）', content: { kind: 'binary', mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } }],
    errors: [400, 401, 403],
  },
];

const payout = named('Payout', PayoutSchema);
const myReward = named('MyReward', MyRewardSchema);

/** Cash rewards and subsidies through WeChat Pay 商家转账. */
export const payoutRoutes: ApiRoute[] = [
  {
    method: 'get', path: '/api/v1/staff/payouts/settings', summary: '现金发放设置 / Whether WeChat Pay is configured, and the amount limits', tags: ['staff-payouts'],
    access: 'staff', responses: [ok(named('PayoutSettings', PayoutSettingsSchema))], errors: [401, 403],
  },
  {
    method: 'get', path: '/api/v1/staff/payouts', summary: '奖励与补贴 / Payouts in the staff member\'s region', tags: ['staff-payouts'],
    access: 'staff', query: PayoutQuerySchema, responses: [ok(named('PayoutPage', PayoutPageSchema))], errors: [400, 401, 403],
  },
  {
    method: 'post', path: '/api/v1/staff/payouts', summary: '提出奖励或补贴 / Propose a reward for a verified 违法举报 or a grid worker\'s monthly subsidy', tags: ['staff-payouts'],
    access: 'staff', body: { kind: 'json', schema: named('PayoutProposal', PayoutProposalSchema) }, responses: [created(payout)], errors: [400, 401, 403, 409, 503],
  },
  {
    method: 'post', path: '/api/v1/staff/payouts/{id}/approve', summary: '审批并转账 / Approve (not the proposer) and transfer through WeChat Pay', tags: ['staff-payouts'],
    access: 'staff', responses: [ok(payout)], errors: [400, 401, 403, 404, 409, 503],
  },
  {
    method: 'post', path: '/api/v1/staff/payouts/{id}/reject', summary: '驳回 / Turn a proposal down with a reason', tags: ['staff-payouts'],
    access: 'staff', body: { kind: 'json', schema: named('PayoutRejection', PayoutRejectionSchema) }, responses: [ok(payout)], errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get', path: '/api/v1/me/rewards', summary: '我的奖励 / Payouts to the citizen, with what 确认收款 needs', tags: ['points'],
    access: 'citizen', responses: [ok(named('MyRewardList', z.array(MyRewardSchema)))], errors: [401],
  },
  {
    method: 'post', path: '/api/v1/me/rewards/{id}/refresh', summary: '刷新收款状态 / Ask WeChat Pay how a payout stands (after 确认收款)', tags: ['points'],
    access: 'citizen', responses: [ok(myReward)], errors: [400, 401, 404],
  },
  {
    method: 'post', path: '/api/v1/wechatpay/transfer-notify', summary: '商家转账回调 / WeChat Pay\'s signed, encrypted transfer result', tags: ['wechatpay'],
    access: 'public', responses: [{ status: 204, description: 'Accepted', content: { kind: 'none' } }], errors: [400, 401, 503],
  },
];

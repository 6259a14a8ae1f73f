import { z } from 'zod';
import { PageQuerySchema } from '../schemas/common';
import { MyRewardSchema } from '../schemas/payouts';
import {
  PointsSummarySchema,
  RedeemRequestSchema,
  RedemptionPageSchema,
  RedemptionSchema,
  ShopItemSchema,
} from '../schemas/points';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { created, defineRoute, jsonBody, named, ok } from './route';

const tags = ['points'] as const;
const endpoints = CITIZEN_ENDPOINTS.points;
const redemption = named('Redemption', RedemptionSchema);

/** 治理积分 and the 积分超市, the citizen's side: the balance, the shop of their village and township, redemptions. */
export const pointsRoutes = {
  summary: defineRoute({
    ...endpoints.summary,
    summary: "我的积分 / The citizen's balance and ledger, newest first",
    description:
      "Who: citizen. 我的积分: balance (the ledger's sum) and history; the 积分超市 items of one's village and township",
    tags,
    query: PageQuerySchema,
    responses: [ok(named('PointsSummary', PointsSummarySchema))],
    errors: [400, 401],
  }),
  shop: defineRoute({
    ...endpoints.shop,
    summary: "积分超市 / Items of the shops of the citizen's village and township",
    tags,
    responses: [ok(named('ShopItemList', z.array(ShopItemSchema)))],
    errors: [401],
  }),
  redemptions: defineRoute({
    ...endpoints.redemptions,
    summary: "我的兑换 / The citizen's redemptions with their codes",
    description:
      'Who: citizen. 兑换: points and one unit of stock reserved at once, an 8-digit code for the cadre; cancelling a reserved one gives both back, once',
    tags,
    query: PageQuerySchema,
    responses: [ok(named('RedemptionPage', RedemptionPageSchema))],
    errors: [400, 401],
  }),
  redeem: defineRoute({
    ...endpoints.redeem,
    summary: '兑换 / Reserve an item: its points and one unit of stock',
    tags,
    body: jsonBody('RedeemRequest', RedeemRequestSchema),
    responses: [created(redemption)],
    errors: [400, 401, 403, 404, 409],
  }),
  cancel: defineRoute({
    ...endpoints.cancel,
    summary: '取消兑换 / Cancel a reserved redemption; points and stock go back',
    tags,
    responses: [ok(redemption)],
    errors: [400, 401, 403, 404, 409],
  }),
};

/** 我的奖励: payouts to the citizen, and 确认收款 through wx.requestMerchantTransfer. */
export const myRewardRoutes = {
  list: defineRoute({
    ...CITIZEN_ENDPOINTS.rewards.list,
    summary: '我的奖励 / Payouts to the citizen, with what 确认收款 needs',
    description:
      'Who: citizen. 我的奖励, with what `wx.requestMerchantTransfer` needs while the transfer waits for 确认收款; refresh asks WeChat Pay after the confirmation page closes',
    tags,
    responses: [ok(named('MyRewardList', z.array(MyRewardSchema)))],
    errors: [401],
  }),
  refresh: defineRoute({
    ...CITIZEN_ENDPOINTS.rewards.refresh,
    summary: '刷新收款状态 / Ask WeChat Pay how a payout stands (after 确认收款)',
    tags,
    responses: [ok(named('MyReward', MyRewardSchema))],
    errors: [400, 401, 404],
  }),
};

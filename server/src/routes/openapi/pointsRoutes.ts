import { created, named, ok } from '@minqing/shared';
import { z } from 'zod';
import {
  MyRewardSchema,
  PageQuerySchema,
  PointsSummarySchema,
  RedeemRequestSchema,
  RedemptionPageSchema,
  RedemptionSchema,
  ShopItemSchema,
} from '@minqing/shared';
import type { ApiRoute } from './apiDocument';

const redemption = named('Redemption', RedemptionSchema);
const redemptionPage = named('RedemptionPage', RedemptionPageSchema);

/** 治理积分 and the 积分超市, the citizen's side (the staff's: shared/src/contracts/staffPoints.ts). */
export const pointsRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/points',
    summary: "我的积分 / The citizen's balance and ledger, newest first",
    tags: ['points'],
    access: 'citizen',
    query: PageQuerySchema,
    responses: [ok(named('PointsSummary', PointsSummarySchema))],
    errors: [400, 401],
  },
  {
    method: 'get',
    path: '/api/v1/points/shop',
    summary: "积分超市 / Items of the shops of the citizen's village and township",
    tags: ['points'],
    access: 'citizen',
    responses: [ok(named('ShopItemList', z.array(ShopItemSchema)))],
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/v1/points/redemptions',
    summary: "我的兑换 / The citizen's redemptions with their codes",
    tags: ['points'],
    access: 'citizen',
    query: PageQuerySchema,
    responses: [ok(redemptionPage)],
    errors: [400, 401],
  },
  {
    method: 'post',
    path: '/api/v1/points/redemptions',
    summary: '兑换 / Reserve an item: its points and one unit of stock',
    tags: ['points'],
    access: 'citizen',
    body: { kind: 'json', schema: named('RedeemRequest', RedeemRequestSchema) },
    responses: [created(redemption)],
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/v1/points/redemptions/{id}/cancel',
    summary: '取消兑换 / Cancel a reserved redemption; points and stock go back',
    tags: ['points'],
    access: 'citizen',
    responses: [ok(redemption)],
    errors: [400, 401, 403, 404, 409],
  },
];

const myReward = named('MyReward', MyRewardSchema);

/** Cash rewards and subsidies through WeChat Pay 商家转账, the citizen's side (the notification: shared/src/contracts/wechatPay.ts). */
export const payoutRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/me/rewards',
    summary: '我的奖励 / Payouts to the citizen, with what 确认收款 needs',
    tags: ['points'],
    access: 'citizen',
    responses: [ok(named('MyRewardList', z.array(MyRewardSchema)))],
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/v1/me/rewards/{id}/refresh',
    summary: '刷新收款状态 / Ask WeChat Pay how a payout stands (after 确认收款)',
    tags: ['points'],
    access: 'citizen',
    responses: [ok(myReward)],
    errors: [400, 401, 404],
  },
];

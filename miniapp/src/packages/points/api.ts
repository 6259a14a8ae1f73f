/**
 * The calls of 我的积分, 积分超市, 我的兑换 and 我的奖励 (server/src/routes/points and
 * routes/payouts/myRewards). They live in this sub-package rather than services/api.ts because
 * no other page uses them, so the main package does not carry them.
 */
import type { MyReward, Page, PointsSummary, Redemption, RedeemRequest, ShopItem } from '@minqing/shared';
import type { PageParams } from '../../services/api';
import { request } from '../../services/request';

const one = (id: string) => encodeURIComponent(id);

/** The balance and one page of the ledger, newest first. */
export const getPoints = (params: PageParams = {}) => request<PointsSummary>('/points', { query: { ...params } });

/** What the shops of my village and township offer (empty until a village is chosen). */
export const getShop = () => request<ShopItem[]>('/points/shop');

export const getRedemptions = (params: PageParams = {}) =>
  request<Page<Redemption>>('/points/redemptions', { query: { ...params } });

export function redeemItem(itemId: string): Promise<Redemption> {
  const data: RedeemRequest = { itemId };
  return request<Redemption>('/points/redemptions', { method: 'POST', data });
}

/** Gives the points back; only a reserved (待领取) redemption can be cancelled. */
export const cancelRedemption = (id: string) =>
  request<Redemption>(`/points/redemptions/${one(id)}/cancel`, { method: 'POST' });

export const getRewards = () => request<MyReward[]>('/me/rewards');

/** After the confirmation page closes: the server asks WeChat Pay and answers the reward as it now stands. */
export const refreshReward = (id: string) => request<MyReward>(`/me/rewards/${one(id)}/refresh`, { method: 'POST' });

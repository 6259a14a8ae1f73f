/**
 * The calls of 我的积分, 积分超市, 我的兑换 and 我的奖励 (server/src/http/points and
 * http/payouts/myRewards). They live in this sub-package rather than services/api.ts because
 * no other page uses them, so the main package does not carry them.
 */
import { citizenApi } from '@minqing/shared';
import type { PageParams } from '../../services/api';
import { call } from '../../services/request';

const { points, rewards } = citizenApi;

/** The balance and one page of the ledger, newest first. */
export const getPoints = (params: PageParams = {}) => call(points.summary, { query: params });

/** What the shops of my village and township offer (empty until a village is chosen). */
export const getShop = () => call(points.shop);

export const getRedemptions = (params: PageParams = {}) => call(points.redemptions, { query: params });

export const redeemItem = (itemId: string) => call(points.redeem, { body: { itemId } });

/** Gives the points back; only a reserved (待领取) redemption can be cancelled. */
export const cancelRedemption = (id: string) => call(points.cancel, { params: { id } });

export const getRewards = () => call(rewards.list);

/** After the confirmation page closes: the server asks WeChat Pay and answers the reward as it now stands. */
export const refreshReward = (id: string) => call(rewards.refresh, { params: { id } });

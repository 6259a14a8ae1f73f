import type { ShopItem } from '@minqing/shared';

/** Whether the citizen can take an item now, and if not, why in their words (the server checks again). */
export type Redeemability = { ok: true } | { ok: false; reason: string };

export function redeemability(item: Pick<ShopItem, 'stock' | 'pointsPrice'>, balance: number | null): Redeemability {
  if (item.stock <= 0) return { ok: false, reason: '已兑完' };
  if (balance !== null && balance < item.pointsPrice)
    return { ok: false, reason: `积分不足（还差 ${item.pointsPrice - balance} 分）` };
  return { ok: true };
}

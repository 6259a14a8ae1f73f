import { POINTS_REASON_NAMES } from '@minqing/shared';
import type { PointsEntry, Redemption, ShopItem } from '@minqing/shared';
import { In } from 'typeorm';
import type { AppContext } from '../context';
import { type PointsEntryRow, type Region, type RedemptionRow, ShopItemRow } from '../db/entities';
import { type Canceller, redemptionAllowedActions } from '../policies/points';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentPointsEntry(row: PointsEntryRow): PointsEntry {
  return {
    id: row.id,
    delta: row.delta,
    reason: row.reason,
    reasonName: POINTS_REASON_NAMES[row.reason],
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentShopItem(row: ShopItemRow, regions: Map<string, Region>): ShopItem {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    pointsPrice: row.pointsPrice,
    stock: row.stock,
    enabled: row.enabled,
    regionCode: row.regionCode,
    regionName: regions.get(row.regionCode)?.name ?? '',
  };
}

/** A redemption as `viewer` sees it, with what they may do with it. */
export function presentRedemption(
  row: RedemptionRow,
  itemName: string,
  regions: Map<string, Region>,
  viewer: Canceller,
): Redemption {
  return {
    id: row.id,
    code: row.code,
    item: { id: row.itemId, name: itemName },
    points: row.points,
    status: row.status,
    regionName: regions.get(row.regionCode)?.name ?? '',
    createdAt: row.createdAt.toISOString(),
    fulfilledAt: iso(row.fulfilledAt),
    cancelledAt: iso(row.cancelledAt),
    allowedActions: redemptionAllowedActions(viewer, row),
  };
}

/** Redemptions with their items' names, in one query. */
export async function presentRedemptions(ctx: AppContext, rows: RedemptionRow[], viewer: Canceller) {
  const ids = [...new Set(rows.map((row) => row.itemId))];
  const items = ids.length ? await ctx.deps.dataSource.getRepository(ShopItemRow).findBy({ id: In(ids) }) : [];
  const names = new Map(items.map((item) => [item.id, item.name]));
  const { regions } = await ctx.deps.reference.snapshot();
  return rows.map((row) => presentRedemption(row, names.get(row.itemId) ?? '', regions, viewer));
}

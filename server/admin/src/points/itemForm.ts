import { ShopItemInputSchema, ShopItemPatchSchema } from '@minqing/shared';
import type { ShopItem, ShopItemInput, ShopItemPatch } from '@minqing/shared';

export interface ItemFormValues {
  name?: string;
  description?: string;
  pointsPrice?: number | null;
  stock?: number | null;
  enabled?: boolean;
  regionCode?: string;
}

export const ITEM_FIELDS = ['name', 'description', 'pointsPrice', 'stock', 'regionCode'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];
type FieldErrors = { field: ItemField; message: string }[];

const MISSING: Partial<Record<ItemField, string>> = {
  pointsPrice: '请填写兑换积分',
  stock: '请填写库存',
  regionCode: '请选择积分超市',
};

function errorsOf(issues: { path: PropertyKey[]; message: string }[], values: ItemFormValues): FieldErrors {
  return issues.map((issue) => {
    const field = String(issue.path[0]) as ItemField;
    const empty = values[field] === undefined || values[field] === null || values[field] === '';
    return { field, message: (empty && MISSING[field]) || issue.message };
  });
}

function shaped(values: ItemFormValues) {
  return {
    name: values.name ?? '',
    description: values.description?.trim() ? values.description : null,
    pointsPrice: values.pointsPrice ?? Number.NaN,
    stock: values.stock ?? Number.NaN,
    enabled: values.enabled ?? true,
  };
}

/** A new item: the form → POST /staff/points/items, checked with the server's schema. */
export function buildItemInput(
  values: ItemFormValues,
): { ok: true; input: ShopItemInput } | { ok: false; errors: FieldErrors } {
  const parsed = ShopItemInputSchema.safeParse({ ...shaped(values), regionCode: values.regionCode ?? '' });
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, errors: errorsOf(parsed.error.issues, values) };
}

/** An edit: the shop an item belongs to does not change (PATCH has no regionCode). */
export function buildItemPatch(
  values: ItemFormValues,
): { ok: true; patch: ShopItemPatch } | { ok: false; errors: FieldErrors } {
  const parsed = ShopItemPatchSchema.safeParse(shaped(values));
  return parsed.success
    ? { ok: true, patch: parsed.data }
    : { ok: false, errors: errorsOf(parsed.error.issues, values) };
}

export function itemFormValues(item: ShopItem): ItemFormValues {
  return {
    name: item.name,
    description: item.description ?? '',
    pointsPrice: item.pointsPrice,
    stock: item.stock,
    enabled: item.enabled,
    regionCode: item.regionCode,
  };
}

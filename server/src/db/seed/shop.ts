import type { ShopItemRow } from '../entities';
import { DEMO_REGIONS } from './regions';
import { stableId } from './stableId';

/** What a village 积分超市 typically stocks: daily necessities, priced so a few reports buy one. */
const ITEMS: Array<[name: string, description: string, pointsPrice: number, stock: number]> = [
  ['食盐', '加碘精制盐 400 克', 10, 100],
  ['毛巾', '纯棉毛巾一条', 20, 60],
  ['洗衣粉', '洗衣粉 1 千克', 30, 50],
  ['食用油', '菜籽油 1.8 升', 120, 20],
  ['大米', '汉阴本地大米 5 千克', 150, 15],
];

/** The shops of the demo accounts' village (五一村) and of 涧池镇's first village. */
export function demoShopItems(now: Date): ShopItemRow[] {
  return [DEMO_REGIONS.chengguanVillage, DEMO_REGIONS.jianchiVillage].flatMap((regionCode) =>
    ITEMS.map(([name, description, pointsPrice, stock]) => ({
      id: stableId(`minqing/shop/${regionCode}/${name}`),
      regionCode,
      name,
      description,
      pointsPrice,
      stock,
      enabled: true,
      createdAt: now,
    })),
  );
}

import type { Region } from '../entities';

/**
 * The demo county, 汉阴县 (Shaanxi). Codes follow the official scheme so that a child's code
 * starts with its parent's: county 6 digits, township 9, village 12, grid 15. Scope checks
 * and routing rely on that prefix property (policies/scope.ts).
 */
export const COUNTY = { code: '610921', name: '汉阴县' } as const;

export interface TownshipSeed {
  code: string;
  name: string;
  /** Villages and communities; the first is the one demo accounts and notices use. */
  villages: readonly string[];
}

/** Village names are plausible, not an official register. */
const TOWNSHIP_VILLAGES: ReadonlyArray<readonly [name: string, villages: readonly string[]]> = [
  ['城关镇', ['五一村', '三元村', '太平村', '城东社区']],
  ['涧池镇', ['紫云村', '仁河口村', '东坝村']],
  ['蒲溪镇', ['蒲溪村', '东河村', '盘龙村']],
  ['平梁镇', ['清河村', '西岭村', '平梁社区']],
  ['双乳镇', ['三柳村', '双乳村', '江河村']],
  ['铁佛寺镇', ['铁佛寺村', '安坪村', '新庄村']],
  ['漩涡镇', ['堰坪村', '茨沟村', '黄龙村']],
  ['汉阳镇', ['长乐村', '汉阳坪村', '磨坝村']],
  ['双河口镇', ['龙寨村', '双河口村', '天星村']],
  ['观音河镇', ['观音河村', '大河村', '联合村']],
];

/** Townships 610921100 … 610921109, in the county's customary order. */
export const TOWNSHIPS: readonly TownshipSeed[] = TOWNSHIP_VILLAGES.map(([name, villages], index) => ({
  code: `${COUNTY.code}${100 + index}`,
  name,
  villages,
}));

/** Village n (0-based) of a township: 201, 202, … as in the official village-committee range. */
export const villageCode = (townshipCode: string, index: number): string => `${townshipCode}${201 + index}`;

const GRID_NAMES = ['第一网格', '第二网格'] as const;
export const gridCode = (villageCode: string, index: number): string =>
  `${villageCode}${String(index + 1).padStart(3, '0')}`;

/** The codes demo accounts, notices and tests refer to. */
export const DEMO_REGIONS = {
  county: COUNTY.code,
  chengguan: TOWNSHIPS[0].code,
  chengguanVillage: villageCode(TOWNSHIPS[0].code, 0),
  chengguanGrid: gridCode(villageCode(TOWNSHIPS[0].code, 0), 0),
  jianchi: TOWNSHIPS[1].code,
  jianchiVillage: villageCode(TOWNSHIPS[1].code, 0),
} as const;

export interface VillageSeed {
  code: string;
  name: string;
  townshipCode: string;
}

export function demoVillages(): VillageSeed[] {
  return TOWNSHIPS.flatMap((township) =>
    township.villages.map((name, index) => ({
      code: villageCode(township.code, index),
      name,
      townshipCode: township.code,
    })),
  );
}

/** Every region row, parents before children. */
export function demoRegions(): Omit<Region, 'disabled'>[] {
  const rows: Omit<Region, 'disabled'>[] = [
    { code: COUNTY.code, name: COUNTY.name, level: 'county', parentCode: null, sortOrder: 0 },
  ];
  TOWNSHIPS.forEach((township, townshipIndex) => {
    rows.push({
      code: township.code,
      name: township.name,
      level: 'township',
      parentCode: COUNTY.code,
      sortOrder: townshipIndex + 1,
    });
    township.villages.forEach((villageName, villageIndex) => {
      const code = villageCode(township.code, villageIndex);
      rows.push({ code, name: villageName, level: 'village', parentCode: township.code, sortOrder: villageIndex + 1 });
      GRID_NAMES.forEach((gridName, gridIndex) => {
        rows.push({
          code: gridCode(code, gridIndex),
          name: gridName,
          level: 'grid',
          parentCode: code,
          sortOrder: gridIndex + 1,
        });
      });
    });
  });
  return rows;
}

import type { RegionNode, StaffAbility } from '@minqing/shared';
import dayjs from 'dayjs';
import { buildItemInput, buildItemPatch } from './itemForm';
import { pointsTabsFor } from './PointsPage';
import { ledgerExportPath } from './pointsApi';
import { filterRegionOptions, shopRegionOptions } from './shopRegions';
import { buildVolunteerRequest } from './volunteerForm';

const node = (code: string, name: string, level: RegionNode['level'], children: RegionNode[] = []): RegionNode => ({
  code,
  name,
  level,
  children,
});
const TREE = [
  node('610921', '汉阴县', 'county', [
    node('610921100', '城关镇', 'township', [
      node('610921100201', '五一村', 'village', [node('610921100201001', '第一网格', 'grid')]),
      node('610921100202', '太平村', 'village'),
    ]),
    node('610921101', '涧池镇', 'township', [node('610921101201', '双星村', 'village')]),
  ]),
];

describe('where a shop item may go', () => {
  it('offers a township its own shop and its villages, never grids or other townships', () => {
    expect(shopRegionOptions(TREE, '610921100')).toEqual([
      {
        value: '610921100',
        title: '城关镇',
        selectable: true,
        children: [
          { value: '610921100201', title: '五一村', selectable: true },
          { value: '610921100202', title: '太平村', selectable: true },
        ],
      },
    ]);
  });

  it('offers a cadre only their village, the county every township and village but not itself, a grid worker nothing', () => {
    expect(shopRegionOptions(TREE, '610921100201')).toEqual([
      { value: '610921100201', title: '五一村', selectable: true },
    ]);
    const county = shopRegionOptions(TREE, '610921');
    expect(county[0].selectable).toBe(false);
    expect(county[0].children?.map((option) => option.value)).toEqual(['610921100', '610921101']);
    expect(shopRegionOptions(TREE, '610921100201001')).toEqual([]);
    expect(filterRegionOptions(TREE, '610921100201')).toEqual([]);
    expect(filterRegionOptions(TREE, '610921100').map((option) => option.value)).toEqual([
      '610921100201',
      '610921100202',
    ]);
  });
});

describe('the item form → the request', () => {
  it('builds a new item with its shop, and an edit without one', () => {
    expect(
      buildItemInput({
        name: ' 洗衣粉 ',
        description: '',
        pointsPrice: 30,
        stock: 10,
        enabled: true,
        regionCode: '610921100201',
      }),
    ).toEqual({
      ok: true,
      input: {
        name: '洗衣粉',
        description: null,
        pointsPrice: 30,
        stock: 10,
        enabled: true,
        regionCode: '610921100201',
      },
    });
    expect(
      buildItemPatch({ name: '洗衣粉', pointsPrice: 25, stock: 0, enabled: false, regionCode: '610921100201' }),
    ).toEqual({
      ok: true,
      patch: { name: '洗衣粉', description: null, pointsPrice: 25, stock: 0, enabled: false },
    });
  });

  it('names what is missing or wrong', () => {
    const checked = buildItemInput({ name: '', pointsPrice: null, stock: -1 });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors).toContainEqual({ field: 'name', message: '请填写商品名称' });
      expect(checked.errors).toContainEqual({ field: 'pointsPrice', message: '请填写兑换积分' });
      expect(checked.errors).toContainEqual({ field: 'stock', message: '库存不能为负' });
      expect(checked.errors).toContainEqual({ field: 'regionCode', message: '请选择积分超市' });
    }
  });
});

describe('volunteer work → the request', () => {
  it('sends the day as activityDate and leaves the points to the rule when empty', () => {
    expect(
      buildVolunteerRequest({ phone: ' 13912345678', activity: '清扫河道', date: dayjs('2026-11-20'), points: null }),
    ).toEqual({
      ok: true,
      body: { phone: '13912345678', activity: '清扫河道', activityDate: '2026-11-20' },
    });
    expect(
      buildVolunteerRequest({ phone: '13912345678', activity: '清扫河道', date: dayjs('2026-11-20'), points: 8 }),
    ).toMatchObject({ ok: true, body: { points: 8 } });
  });

  it('names the fields at fault', () => {
    const checked = buildVolunteerRequest({ phone: '12345', activity: '扫', date: null });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors.map((error) => error.field).sort()).toEqual(['activity', 'activityDate', 'phone']);
      expect(checked.errors).toContainEqual({ field: 'activityDate', message: '请选择活动日期' });
    }
  });
});

describe('tabs and queries', () => {
  it('gives each account the tabs of the abilities the server grants it', () => {
    const tabsOf = (...abilities: StaffAbility[]) => pointsTabsFor({ abilities }).map((tab) => tab.key);
    expect(tabsOf('queue', 'points', 'shop')).toEqual(['redemptions', 'items', 'volunteer', 'ledger']);
    expect(tabsOf('points', 'shop', 'point_rules')).toEqual(['redemptions', 'items', 'volunteer', 'ledger', 'rules']);
    expect(tabsOf('points', 'point_rules')).toEqual(['rules']);
    expect(tabsOf('queue', 'stats')).toEqual([]);
  });

  it('exports the ledger under its filters, leaving unset ones out', () => {
    expect(ledgerExportPath({ page: 3, pageSize: 20, reason: 'volunteer', regionCode: '610921100201' })).toBe(
      '/staff/points/ledger/export?reason=volunteer&regionCode=610921100201',
    );
    expect(ledgerExportPath({ page: 1, pageSize: 20 })).toBe('/staff/points/ledger/export');
  });
});

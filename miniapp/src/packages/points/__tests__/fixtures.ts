import type { MyReward, PointsEntry, Redemption, ShopItem } from '@minqing/shared';

let counter = 0;
const nextId = () => `01JPOINTS${String((counter += 1)).padStart(17, '0')}`;

export function entry(overrides: Partial<PointsEntry> = {}): PointsEntry {
  return {
    id: nextId(),
    delta: 10,
    reason: 'report_resolved',
    reasonName: '反映问题已办结',
    note: 'HY20261122-0042',
    createdAt: '2026-11-22T02:00:00.000Z',
    ...overrides,
  };
}

export function shopItem(overrides: Partial<ShopItem> = {}): ShopItem {
  return {
    id: nextId(),
    name: '洗衣粉',
    description: '立白 1kg',
    pointsPrice: 30,
    stock: 5,
    enabled: true,
    regionCode: '610921100201',
    regionName: '五一村',
    ...overrides,
  };
}

export function redemption(overrides: Partial<Redemption> = {}): Redemption {
  return {
    id: nextId(),
    code: '12345678',
    item: { id: '01JITEM0000000000000000001', name: '洗衣粉' },
    points: 30,
    status: 'reserved',
    regionName: '五一村',
    createdAt: '2026-11-22T02:00:00.000Z',
    fulfilledAt: null,
    cancelledAt: null,
    allowedActions: ['cancel'],
    ...overrides,
  };
}

export function reward(overrides: Partial<MyReward> = {}): MyReward {
  return {
    id: nextId(),
    kind: 'reward',
    kindName: '举报奖励',
    amountFen: 5000,
    remark: '违法举报奖励',
    status: 'wait_user_confirm',
    statusName: '待收款人确认',
    createdAt: '2026-11-22T02:00:00.000Z',
    confirm: { mchId: '1900000109', appId: 'wx1234567890abcdef', package: 'ABBQO+oYAAABAAAAAACE1Wyu' },
    ...overrides,
  };
}

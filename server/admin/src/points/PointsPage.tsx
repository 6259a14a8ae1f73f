import { Tabs } from 'antd';
import type { RegionNode, StaffRole } from '@minqing/shared';
import { useEffect, useState } from 'react';
import type { PageProps } from '../pages';
import { ItemsTab } from './ItemsTab';
import { LedgerTab } from './LedgerTab';
import { RedemptionsTab } from './RedemptionsTab';
import { RulesTab } from './RulesTab';
import { VolunteerTab } from './VolunteerTab';
import { pointsApi } from './pointsApi';

/** Who may use each tab: the role guards of server/src/routes/staffPoints. */
const SHOP_KEEPERS: readonly StaffRole[] = ['cadre', 'grid_worker', 'dispatcher', 'county'];
const RULE_EDITORS: readonly StaffRole[] = ['county', 'sysadmin'];

export const POINTS_TABS = [
  { key: 'redemptions', label: '兑换核销', roles: SHOP_KEEPERS },
  { key: 'items', label: '商品', roles: SHOP_KEEPERS },
  { key: 'volunteer', label: '志愿积分', roles: SHOP_KEEPERS },
  { key: 'ledger', label: '积分台账', roles: SHOP_KEEPERS },
  { key: 'rules', label: '积分规则', roles: RULE_EDITORS },
] as const;

export type PointsTabKey = (typeof POINTS_TABS)[number]['key'];

export const pointsTabsFor = (role: StaffRole) => POINTS_TABS.filter((tab) => tab.roles.includes(role));

/** 积分: the village 积分超市 and the points ledger; `#/points?tab=ledger` opens one tab. */
export function PointsPage({ staff, query }: PageProps) {
  const [regions, setRegions] = useState<RegionNode[]>([]);
  useEffect(() => {
    pointsApi.regions().then(setRegions, () => setRegions([]));
  }, []);

  const tabs = pointsTabsFor(staff.role);
  const requested = query.get('tab');
  const initial = tabs.find((tab) => tab.key === requested)?.key ?? tabs[0]?.key;
  const content: Record<PointsTabKey, JSX.Element> = {
    redemptions: <RedemptionsTab />,
    items: <ItemsTab regionCode={staff.regionCode} regions={regions} />,
    volunteer: <VolunteerTab />,
    ledger: <LedgerTab regionCode={staff.regionCode} regions={regions} />,
    rules: <RulesTab />,
  };
  return (
    <Tabs
      defaultActiveKey={initial}
      destroyOnHidden
      items={tabs.map((tab) => ({ key: tab.key, label: tab.label, children: content[tab.key] }))}
    />
  );
}

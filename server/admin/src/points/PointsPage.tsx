import { Tabs } from 'antd';
import type { RegionNode, StaffMe } from '@minqing/shared';
import { useEffect, useState } from 'react';
import type { PageProps } from '../pages';
import { ItemsTab } from './ItemsTab';
import { LedgerTab } from './LedgerTab';
import { RedemptionsTab } from './RedemptionsTab';
import { RulesTab } from './RulesTab';
import { VolunteerTab } from './VolunteerTab';
import { pointsApi } from './pointsApi';

/** The ability each tab needs (StaffMe.abilities): the village shop's, or the county's points rules. */
export const POINTS_TABS = [
  { key: 'redemptions', label: '兑换核销', ability: 'shop' },
  { key: 'items', label: '商品', ability: 'shop' },
  { key: 'volunteer', label: '志愿积分', ability: 'shop' },
  { key: 'ledger', label: '积分台账', ability: 'shop' },
  { key: 'rules', label: '积分规则', ability: 'point_rules' },
] as const;

export type PointsTabKey = (typeof POINTS_TABS)[number]['key'];

export const pointsTabsFor = (staff: Pick<StaffMe, 'abilities'>) =>
  POINTS_TABS.filter((tab) => staff.abilities.includes(tab.ability));

/** 积分: the village 积分超市 and the points ledger; `#/points?tab=ledger` opens one tab. */
export function PointsPage({ staff, query }: PageProps) {
  const [regions, setRegions] = useState<RegionNode[]>([]);
  useEffect(() => {
    pointsApi.regions().then(setRegions, () => setRegions([]));
  }, []);

  const tabs = pointsTabsFor(staff);
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

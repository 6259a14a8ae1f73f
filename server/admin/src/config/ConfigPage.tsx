import { Tabs } from 'antd';
import type { PageProps } from '../pages';
import { CategoriesTab } from './CategoriesTab';
import { DepartmentsTab } from './DepartmentsTab';
import { HolidaysTab } from './HolidaysTab';
import { RegionsTab } from './RegionsTab';
import { RoutingRulesTab } from './RoutingRulesTab';
import { ServicesTab } from './ServicesTab';

const TAB_KEYS = ['regions', 'departments', 'categories', 'services', 'holidays', 'rules'] as const;

/** 配置 (county, sysadmin): the reference data behind routing and deadlines, one tab each; `#/config?tab=holidays` opens one. */
export function ConfigPage({ staff, query }: PageProps) {
  const requested = query.get('tab');
  const initial = TAB_KEYS.find((key) => key === requested) ?? 'regions';
  return (
    <Tabs
      defaultActiveKey={initial}
      destroyOnHidden
      items={[
        { key: 'regions', label: '区域与网格', children: <RegionsTab staff={staff} /> },
        { key: 'departments', label: '部门', children: <DepartmentsTab staff={staff} /> },
        { key: 'categories', label: '分类', children: <CategoriesTab /> },
        { key: 'services', label: '服务', children: <ServicesTab /> },
        { key: 'holidays', label: '节假日', children: <HolidaysTab /> },
        { key: 'rules', label: '分派规则', children: <RoutingRulesTab staff={staff} /> },
      ]}
    />
  );
}

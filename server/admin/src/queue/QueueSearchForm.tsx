import { Button, DatePicker, Form, Input, Select, Space, TreeSelect } from 'antd';
import type { FormInstance } from 'antd';
import { SERVICE_CODES, SERVICE_NAMES, TIERS, TIER_NAMES } from '@minqing/shared';
import type { Category, Department, RegionNode, ServiceCode, StaffRole, Tier } from '@minqing/shared';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { memo, useMemo } from 'react';
import { ExportButton } from '../export/ExportButton';
import type { QueueFilters } from './queueQuery';
import { regionOptions } from './regionOptions';

export interface SearchValues {
  serialNo?: string;
  keyword?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
  serviceCode?: ServiceCode;
  categoryCode?: string;
  regionCode?: string;
  departmentId?: string;
  tier?: Tier;
}

export function searchValuesOf(filters: QueueFilters): SearchValues {
  const { serialNo, keyword, serviceCode, categoryCode, regionCode, departmentId, tier, from, to } = filters;
  const dates: SearchValues['dates'] = from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined;
  return { serialNo, keyword, serviceCode, categoryCode, regionCode, departmentId, tier, dates };
}

export interface QueueSearchFormProps {
  form: FormInstance<SearchValues>;
  role: StaffRole;
  /** The staff member's region: the places offered are those under it. */
  regionCode: string;
  categories: Category[];
  departments: Department[];
  regions: RegionNode[];
  /** The .xlsx download of the list as filtered (ExportButton). */
  exportPath: string;
  onSearch: (values: SearchValues) => void;
}

/**
 * The work queue's filters. Memoised: the rows, the tab counts and the open report change without
 * redrawing its selects and date picker, which are costly to draw on a slow PC.
 */
export const QueueSearchForm = memo(function QueueSearchForm({
  form,
  role,
  regionCode,
  categories,
  departments,
  regions,
  exportPath,
  onSearch,
}: QueueSearchFormProps) {
  const places = useMemo(() => regionOptions(regions, regionCode), [regions, regionCode]);
  const categoryTree = useMemo(
    () =>
      categories
        .filter((category) => !category.parentCode)
        .map((parent) => ({
          value: parent.code,
          title: parent.name,
          children: categories
            .filter((child) => child.parentCode === parent.code)
            .map((child) => ({ value: child.code, title: child.name })),
        })),
    [categories],
  );
  return (
    <Form form={form} layout="inline" onFinish={onSearch} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="serviceCode" label="服务">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: 120 }}
          options={SERVICE_CODES.map((code) => ({ value: code, label: SERVICE_NAMES[code] }))}
        />
      </Form.Item>
      <Form.Item name="categoryCode" label="分类">
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          placeholder="全部"
          style={{ width: 160 }}
          treeData={categoryTree}
        />
      </Form.Item>
      {places.length > 0 && (
        <Form.Item name="regionCode" label="镇/村">
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder="全部"
            style={{ width: 160 }}
            treeData={places}
          />
        </Form.Item>
      )}
      {role !== 'handler' && (
        <Form.Item name="departmentId" label="部门">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部"
            style={{ width: 160 }}
            options={departments.map((department) => ({ value: department.id, label: department.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="tier" label="等级">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: 100 }}
          options={TIERS.map((tier) => ({ value: tier, label: TIER_NAMES[tier] }))}
        />
      </Form.Item>
      <Form.Item name="serialNo" label="编号">
        <Input allowClear placeholder="HY20260101-0001" maxLength={32} />
      </Form.Item>
      <Form.Item name="keyword" label="关键词">
        <Input allowClear placeholder="反映内容" maxLength={50} />
      </Form.Item>
      <Form.Item name="dates" label="提交日期">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          重置
        </Button>
        {/* The same filters, tab and sort as the list; the server ignores paging and caps the rows. */}
        <ExportButton path={exportPath} fallbackName="工单导出.xlsx" />
      </Space>
    </Form>
  );
});

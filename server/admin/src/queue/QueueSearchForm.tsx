import { Button, DatePicker, Form, Input, Select, Space, TreeSelect } from 'antd';
import { SERVICE_CODES, SERVICE_NAMES, TIERS, TIER_NAMES } from '@minqing/shared';
import type { Category, Department, RegionNode, ServiceCode, StaffRole, Tier } from '@minqing/shared';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { memo, useMemo } from 'react';
import { ExportButton } from '../export/ExportButton';
import type { SearchFilters } from './queueQuery';
import { regionOptions } from './regionOptions';

interface SearchValues {
  serialNo?: string;
  keyword?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
  serviceCode?: ServiceCode;
  categoryCode?: string;
  regionCode?: string;
  departmentId?: string;
  tier?: Tier;
}

function searchValuesOf(filters: SearchFilters): SearchValues {
  const { serialNo, keyword, serviceCode, categoryCode, regionCode, departmentId, tier, from, to } = filters;
  const dates: SearchValues['dates'] = from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined;
  return { serialNo, keyword, serviceCode, categoryCode, regionCode, departmentId, tier, dates };
}

/** Every filter the form sets, an empty field as undefined, so it replaces what was searched before. */
function searchFiltersOf(values: SearchValues): SearchFilters {
  return {
    serialNo: values.serialNo,
    keyword: values.keyword,
    serviceCode: values.serviceCode,
    categoryCode: values.categoryCode,
    regionCode: values.regionCode,
    departmentId: values.departmentId,
    tier: values.tier,
    from: values.dates?.[0]?.format('YYYY-MM-DD'),
    to: values.dates?.[1]?.format('YYYY-MM-DD'),
  };
}

export interface QueueSearchFormProps {
  /** The filters the form opens with (those of the queue's address). */
  initial: SearchFilters;
  role: StaffRole;
  /** The staff member's region: the places offered are those under it. */
  regionCode: string;
  categories: Category[];
  departments: Department[];
  regions: RegionNode[];
  /** The .xlsx download of the list as filtered (ExportButton). */
  exportPath: string;
  onSearch: (filters: SearchFilters) => void;
}

/**
 * The work queue's filters. Memoised: the rows, the tab counts and the open report change without
 * redrawing its selects and date picker, which are costly to draw on a slow PC. A new address (a
 * drill-down, the back button) mounts a new form with its filters.
 */
export const QueueSearchForm = memo(function QueueSearchForm({
  initial,
  role,
  regionCode,
  categories,
  departments,
  regions,
  exportPath,
  onSearch,
}: QueueSearchFormProps) {
  const [form] = Form.useForm<SearchValues>();
  const initialValues = useMemo(() => searchValuesOf(initial), [initial]);
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
    <Form
      form={form}
      layout="inline"
      initialValues={initialValues}
      onFinish={(values) => onSearch(searchFiltersOf(values))}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
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
            form.setFieldsValue(searchValuesOf({}) as Parameters<typeof form.setFieldsValue>[0]);
            onSearch(searchFiltersOf({}));
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

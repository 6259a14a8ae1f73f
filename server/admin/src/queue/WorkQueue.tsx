import { Alert, Badge, Button, DatePicker, Form, Input, Select, Space, Tabs, TreeSelect, message } from 'antd';
import { QUEUE_FIGURE_NAMES, SERVICE_CODES, SERVICE_NAMES, TIERS, TIER_NAMES } from '@minqing/shared';
import type { Category, Department, QueueCounts, RegionNode, ServiceCode, Tier } from '@minqing/shared';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { catalogRoutes } from '@minqing/shared';
import { api, call } from '../api';
import { ExportButton } from '../export/ExportButton';
import type { PageProps } from '../pages';
import { QueueTable } from './QueueTable';
import { exportPath, queueApi } from './queueApi';
import { countsQueryString, filtersFromQuery, queryFromFilters, queueQueryString, tabsFor } from './queueQuery';
import type { QueueFilters, QueueRow, QueueTab } from './queueQuery';
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

function searchValuesOf(filters: QueueFilters): SearchValues {
  const { serialNo, keyword, serviceCode, categoryCode, regionCode, departmentId, tier, from, to } = filters;
  const dates: SearchValues['dates'] = from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined;
  return { serialNo, keyword, serviceCode, categoryCode, regionCode, departmentId, tier, dates };
}

// The report drawer's code is fetched when a report is first opened, not with the queue.
const ReportDrawer = lazy(() => import('./ReportDrawer').then((module) => ({ default: module.ReportDrawer })));

/** Keeps the filters and the open report in the address (see the contract in queueQuery.ts) without a navigation. */
function writeHash(filters: QueueFilters, openId: string | null): void {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(queryFromFilters(filters))) if (value) params.set(name, value);
  if (openId) params.set('report', openId);
  window.history.replaceState(null, '', `#/queue?${params.toString()}`);
}

/** 工单: the signed-in staff member's reports, filtered, paged and sorted by the server. */
export function WorkQueue({ staff, query }: PageProps) {
  const firstTab = tabsFor(staff.role)[0].key;
  const [filters, setFilters] = useState<QueueFilters>(() => filtersFromQuery(query, firstTab));
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [regions, setRegions] = useState<RegionNode[]>([]);
  const [rows, setRows] = useState<QueueRow[]>([]);
  const [total, setTotal] = useState(0);
  // The first page is asked for on mount: the table shows its spinner, not 暂无数据, until it answers.
  const [loading, setLoading] = useState(true);
  const [openId, setOpenId] = useState<string | null>(() => query.get('report'));
  // Once opened, the drawer stays mounted so it can slide shut.
  const drawerWanted = useDrawerOnceOpened(openId);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [form] = Form.useForm<SearchValues>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const page = await api.queue(queueQueryString(filters));
      setRows(page.items);
      setTotal(page.total);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '加载失败');
    } finally {
      setLoading(false);
    }
  }, [filters]);

  // The tab counts depend on the filters, not on the tab, page or sort.
  const countsQuery = countsQueryString(filters);
  const loadCounts = useCallback(() => {
    queueApi.counts(countsQuery).then(setCounts, () => setCounts(null));
  }, [countsQuery]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => writeHash(filters, openId), [filters, openId]);

  useEffect(loadCounts, [loadCounts]);

  // A new hash while the queue is open (a drill-down, the back button) replaces the filters.
  const hashQuery = query.toString();
  useEffect(() => {
    const next = filtersFromQuery(new URLSearchParams(hashQuery), firstTab);
    const same = (current: QueueFilters) =>
      JSON.stringify(queryFromFilters(current)) === JSON.stringify(queryFromFilters(next));
    setFilters((current) => (same(current) ? current : next));
    setOpenId(new URLSearchParams(hashQuery).get('report'));
    form.resetFields();
    form.setFieldsValue(searchValuesOf(next) as Parameters<typeof form.setFieldsValue>[0]);
  }, [hashQuery, firstTab, form]);

  useEffect(() => {
    api.departments().then(setDepartments, () => setDepartments([]));
    call(catalogRoutes.categories).then(setCategories, () => setCategories([]));
    queueApi.regions().then(setRegions, () => setRegions([]));
  }, []);

  function search(values: SearchValues) {
    setFilters((current) => ({
      ...current,
      serialNo: values.serialNo,
      keyword: values.keyword,
      serviceCode: values.serviceCode,
      categoryCode: values.categoryCode,
      regionCode: values.regionCode,
      departmentId: values.departmentId,
      tier: values.tier,
      from: values.dates?.[0]?.format('YYYY-MM-DD'),
      to: values.dates?.[1]?.format('YYYY-MM-DD'),
      page: 1,
    }));
  }

  const places = regionOptions(regions, staff.regionCode);
  const tabLabel = (key: QueueTab, label: string) => (
    <Space size={4}>
      {label}
      {counts && (
        <Badge
          count={counts[key]}
          overflowCount={9999}
          showZero
          color={key === 'overdue' ? 'red' : key === 'due_soon' ? 'orange' : '#8c8c8c'}
        />
      )}
    </Space>
  );

  return (
    <>
      <Tabs
        activeKey={filters.tab}
        onChange={(tab) => setFilters((current) => ({ ...current, tab: tab as QueueTab, page: 1 }))}
        items={tabsFor(staff.role).map((tab) => ({ key: tab.key, label: tabLabel(tab.key, tab.label) }))}
      />
      {filters.figure && (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          message={`统计「${QUEUE_FIGURE_NAMES[filters.figure]}」所计的事项${filters.periodFrom ? `（${filters.periodFrom} 至 ${filters.periodTo}，按派单日期）` : '（当前未办结）'}`}
          closeText="查看全部"
          onClose={() =>
            setFilters((current) => ({
              ...current,
              figure: undefined,
              periodFrom: undefined,
              periodTo: undefined,
              page: 1,
            }))
          }
        />
      )}
      <Form form={form} layout="inline" onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
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
            treeData={categories
              .filter((category) => !category.parentCode)
              .map((parent) => ({
                value: parent.code,
                title: parent.name,
                children: categories
                  .filter((child) => child.parentCode === parent.code)
                  .map((child) => ({ value: child.code, title: child.name })),
              }))}
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
        {staff.role !== 'handler' && (
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
              search({});
            }}
          >
            重置
          </Button>
          {/* The same filters, tab and sort as the list; the server ignores paging and caps the rows. */}
          <ExportButton path={exportPath(queueQueryString(filters))} fallbackName="工单导出.xlsx" />
        </Space>
      </Form>
      <QueueTable
        rows={rows}
        total={total}
        loading={loading}
        page={filters.page}
        pageSize={filters.pageSize}
        sort={filters.sort}
        onOpen={setOpenId}
        setFilters={setFilters}
      />
      {drawerWanted && (
        <Suspense fallback={null}>
          <ReportDrawer
            reportId={openId}
            role={staff.role}
            departments={departments}
            categories={categories}
            onClose={() => setOpenId(null)}
            onChanged={() => {
              void load();
              loadCounts();
            }}
          />
        </Suspense>
      )}
    </>
  );
}

function useDrawerOnceOpened(openId: string | null): boolean {
  const [opened, setOpened] = useState(openId !== null);
  if (openId !== null && !opened) setOpened(true);
  return opened || openId !== null;
}

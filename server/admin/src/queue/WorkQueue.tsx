import { Button, DatePicker, Form, Input, Space, Table, Tabs, Tag, message } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { STAFF_STATUS_NAMES, TIER_NAMES } from '@minqing/shared';
import type { Category, Department } from '@minqing/shared';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, request } from '../api';
import type { PageProps } from '../pages';
import { ReportDrawer } from './ReportDrawer';
import { formatTime } from './format';
import { DEFAULT_FILTERS, QUEUE_TABS, queueQueryString, sortFromTable } from './queueQuery';
import type { QueueFilters, QueueRow, QueueTab } from './queueQuery';

interface SearchValues {
  serialNo?: string;
  keyword?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/** 工单: the signed-in staff member's reports, filtered, paged and sorted by the server. */
export function WorkQueue(_props: PageProps) {
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  const [rows, setRows] = useState<QueueRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
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

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    api.departments().then(setDepartments, () => setDepartments([]));
    request<Category[]>('/categories').then(setCategories, () => setCategories([]));
  }, []);

  function search(values: SearchValues) {
    setFilters((current) => ({
      ...current,
      serialNo: values.serialNo,
      keyword: values.keyword,
      from: values.dates?.[0]?.format('YYYY-MM-DD'),
      to: values.dates?.[1]?.format('YYYY-MM-DD'),
      page: 1,
    }));
  }

  function changeTable(pagination: TablePaginationConfig, sorter: SorterResult<QueueRow> | SorterResult<QueueRow>[]) {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    setFilters((current) => ({
      ...current,
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? current.pageSize,
      sort: sortFromTable(single?.field, single?.order),
    }));
  }

  const sortOrder = (column: 'submittedAt' | 'resolveDueAt') =>
    filters.sort === column ? ('ascend' as const) : filters.sort === `-${column}` ? ('descend' as const) : null;

  return (
    <>
      <Tabs
        activeKey={filters.tab}
        onChange={(tab) => setFilters((current) => ({ ...current, tab: tab as QueueTab, page: 1 }))}
        items={QUEUE_TABS.map((tab) => ({ key: tab.key, label: tab.label }))}
      />
      <Form form={form} layout="inline" onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
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
        </Space>
      </Form>
      <Table<QueueRow>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        rowClassName={(row) => (row.overdue ? 'queue-row-overdue' : '')}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        onChange={(pagination, _filters, sorter) => changeTable(pagination, sorter)}
        pagination={{ current: filters.page, pageSize: filters.pageSize, total, showSizeChanger: true, showTotal: (count) => `共 ${count} 件` }}
        columns={[
          { title: '编号', dataIndex: 'serialNo', width: 170 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 150,
            render: (_value, row) => (
              <Space size={4}>
                <Tag>{STAFF_STATUS_NAMES[row.status]}</Tag>
                {row.overdue && <Tag color="red">超期</Tag>}
                {row.escalated && <Tag color="orange">督办</Tag>}
              </Space>
            ),
          },
          { title: '内容', dataIndex: 'excerpt', ellipsis: true },
          { title: '分类', dataIndex: ['category', 'name'], width: 120, render: (value?: string) => value ?? '待分类' },
          { title: '村(社区)', dataIndex: 'villageName', width: 120 },
          { title: '承办部门', dataIndex: ['department', 'name'], width: 140, render: (value?: string) => value ?? '—' },
          { title: '等级', dataIndex: 'tier', width: 70, render: (_value, row) => TIER_NAMES[row.tier] },
          { title: '提交时间', dataIndex: 'submittedAt', width: 150, sorter: true, sortOrder: sortOrder('submittedAt'), render: formatTime },
          { title: '办结时限', dataIndex: 'resolveDueAt', width: 150, sorter: true, sortOrder: sortOrder('resolveDueAt'), render: formatTime },
        ]}
      />
      <ReportDrawer reportId={openId} departments={departments} categories={categories} onClose={() => setOpenId(null)} onChanged={() => void load()} />
    </>
  );
}

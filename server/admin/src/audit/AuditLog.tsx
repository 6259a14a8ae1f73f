import { Button, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { AUDIT_TARGET_NAMES, auditActionName } from '@minqing/shared';
import type { AuditLogEntry } from '@minqing/shared';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { PageProps } from '../pages';
import { auditApi } from './auditApi';
import { readableDetail } from './auditDetail';
import { ACTION_GROUPS, DEFAULT_AUDIT_FILTERS, auditQueryString, filtersFromQuery } from './auditQuery';
import type { AuditFilters } from './auditQuery';
import { pagerOf, withPager } from '../tablePaging';
import { usePagedList } from '../usePagedList';

export interface AuditSearchValues {
  username?: string;
  groups?: string[];
  targetType?: string;
  targetId?: string;
  dates?: [Dayjs | null, Dayjs | null];
}

/** The filter form's values → the filters (page back to 1). */
export function filtersFromForm(values: AuditSearchValues, current: AuditFilters): AuditFilters {
  return {
    ...current,
    username: values.username,
    groups: values.groups ?? [],
    targetType: values.targetType,
    targetId: values.targetId,
    from: values.dates?.[0]?.format('YYYY-MM-DD'),
    to: values.dates?.[1]?.format('YYYY-MM-DD'),
    page: 1,
  };
}

function formValues(filters: AuditFilters): AuditSearchValues {
  return {
    username: filters.username,
    groups: filters.groups,
    targetType: filters.targetType,
    targetId: filters.targetId,
    dates:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : undefined,
  };
}

export interface AuditLogProps extends PageProps {
  /** Defaults to the real API; tests pass a fake. */
  load?: typeof auditApi.list;
}

/** 审计日志: who did what, when, from where; newest first, paged by the server. */
export function AuditLog({ query, load = auditApi.list }: AuditLogProps) {
  const [filters, setFilters] = useState<AuditFilters>(() => filtersFromQuery(query));
  const [form] = Form.useForm<AuditSearchValues>();
  const queryKey = query.toString();

  // A link from another screen (one account's trail) may arrive while this screen is open.
  const shownQuery = useRef(queryKey);
  useEffect(() => {
    if (shownQuery.current === queryKey) return;
    shownQuery.current = queryKey;
    const linked = filtersFromQuery(new URLSearchParams(queryKey));
    setFilters(linked);
    form.setFieldsValue(formValues(linked));
  }, [queryKey, form]);

  const { rows, total, loading } = usePagedList<AuditLogEntry>(() => load(auditQueryString(filters)), [filters, load]);

  return (
    <>
      <Form
        form={form}
        layout="inline"
        initialValues={formValues(filters)}
        onFinish={(values) => setFilters((current) => filtersFromForm(values, current))}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="username" label="账号">
          <Input allowClear placeholder="登录账号" maxLength={64} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="groups" label="操作">
          <Select
            mode="multiple"
            allowClear
            placeholder="全部"
            style={{ minWidth: 200 }}
            options={ACTION_GROUPS.map((group) => ({ value: group.key, label: group.label }))}
          />
        </Form.Item>
        <Form.Item name="targetType" label="对象">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 140 }}
            options={Object.entries(AUDIT_TARGET_NAMES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="targetId" label="对象编号">
          <Input allowClear placeholder="编号" maxLength={26} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="dates" label="日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button
            onClick={() => {
              form.setFieldsValue(formValues(DEFAULT_AUDIT_FILTERS));
              setFilters(DEFAULT_AUDIT_FILTERS);
            }}
          >
            重置
          </Button>
        </Space>
      </Form>
      <Table<AuditLogEntry>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        onChange={(pagination) => setFilters(withPager(pagination))}
        locale={{ emptyText: '没有符合条件的记录' }}
        pagination={pagerOf(filters, total)}
        columns={[
          {
            title: '时间',
            dataIndex: 'createdAt',
            width: 170,
            render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss'),
          },
          { title: '账号', dataIndex: 'username', width: 130 },
          {
            title: '操作',
            dataIndex: 'action',
            width: 200,
            render: (action: string) => <span title={action}>{auditActionName(action)}</span>,
          },
          {
            title: '对象',
            key: 'target',
            width: 250,
            render: (_value, entry) =>
              entry.targetType ? (
                <Space size={4}>
                  <span>{AUDIT_TARGET_NAMES[entry.targetType] ?? entry.targetType}</span>
                  {entry.targetLabel ? (
                    <span>{entry.targetLabel}</span>
                  ) : (
                    entry.targetId && <Typography.Text code>{entry.targetId}</Typography.Text>
                  )}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: '来源 IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
          {
            title: '详情',
            dataIndex: 'detail',
            ellipsis: true,
            render: (detail: string | null, entry) => readableDetail(entry.action, detail),
          },
        ]}
      />
    </>
  );
}

import { Button, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { Category, RegionNode, ReplyTemplate } from '@minqing/shared';
import { useEffect, useMemo, useState } from 'react';
import type { PageProps } from '../pages';
import { formatTime } from '../queue/format';
import { TemplateFormModal } from './TemplateFormModal';
import { categoryOptions, templateRegionOptions } from './templateForm';
import { templatesApi } from './templatesApi';
import type { TemplateListQuery } from './templatesApi';
import { usePagedList } from '../usePagedList';

const ENABLED_FILTER = [
  { value: 'all', label: '全部状态' },
  { value: 'true', label: '启用中' },
  { value: 'false', label: '已停用' },
];

/**
 * 答复模板: dispatchers and the county write the templates their handlers start replies from.
 * Templates of a wider region are listed too, read-only, because they are offered as well.
 */
export function ReplyTemplates({ staff }: PageProps) {
  const [query, setQuery] = useState<TemplateListQuery>({ page: 1, pageSize: 20 });
  const [categories, setCategories] = useState<Category[]>([]);
  const [regions, setRegions] = useState<RegionNode[]>([]);
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);

  const {
    rows,
    setRows,
    total,
    loading,
    reload: load,
  } = usePagedList<ReplyTemplate>(() => templatesApi.list(query), [query]);

  useEffect(() => {
    templatesApi.categories().then(setCategories, () => setCategories([]));
    templatesApi.regions().then(setRegions, () => setRegions([]));
  }, []);

  const categoryChoices = useMemo(() => categoryOptions(categories), [categories]);
  const regionChoices = useMemo(() => templateRegionOptions(regions, staff.regionCode), [regions, staff.regionCode]);

  async function toggle(template: ReplyTemplate, enabled: boolean) {
    try {
      const saved = await templatesApi.update(template.id, { enabled });
      setRows((current) => current.map((row) => (row.id === saved.id ? saved : row)));
      message.success(enabled ? '已启用' : '已停用');
    } catch (error) {
      message.error(error instanceof Error ? error.message : '操作失败');
    }
  }

  async function remove(template: ReplyTemplate) {
    try {
      await templatesApi.remove(template.id);
      message.success('已删除');
      await load();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '删除失败');
    }
  }

  const columns: ColumnsType<ReplyTemplate> = [
    { title: '标题', dataIndex: 'title', width: 180 },
    { title: '分类', dataIndex: 'categoryName', width: 120, render: (name: string | null) => name ?? <Tag>通用</Tag> },
    {
      title: '适用范围',
      dataIndex: 'regionName',
      width: 140,
      render: (name: string, template) => (
        <Space size={4}>
          {name}
          {template.allowedActions.length === 0 && <Tag color="blue">上级</Tag>}
        </Space>
      ),
    },
    { title: '内容', dataIndex: 'body', ellipsis: true },
    {
      title: '启用',
      dataIndex: 'enabled',
      width: 80,
      render: (enabled: boolean, template) => (
        <Switch
          size="small"
          checked={enabled}
          disabled={!template.allowedActions.includes('update')}
          onChange={(next) => toggle(template, next)}
        />
      ),
    },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: formatTime },
    {
      title: '操作',
      width: 130,
      render: (_value, template) =>
        template.allowedActions.length ? (
          <Space>
            {template.allowedActions.includes('update') && (
              <Button type="link" size="small" onClick={() => setEditing(template)}>
                编辑
              </Button>
            )}
            {template.allowedActions.includes('delete') && (
              <Popconfirm
                title={`删除模板「${template.title}」？`}
                description="删除后无法恢复；只想暂时不用可以停用。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => remove(template)}
              >
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">上级设置</Typography.Text>
        ),
    },
  ];

  function changePage(pagination: TablePaginationConfig) {
    setQuery((current) => ({
      ...current,
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? current.pageSize,
    }));
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ width: 200 }}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部分类"
          options={[{ value: 'general', label: '通用（无分类）' }, ...categoryChoices]}
          onChange={(categoryCode?: string) => setQuery((current) => ({ ...current, categoryCode, page: 1 }))}
        />
        <Select
          style={{ width: 120 }}
          defaultValue="all"
          options={ENABLED_FILTER}
          onChange={(value: string) =>
            setQuery((current) => ({ ...current, enabled: value === 'all' ? undefined : value === 'true', page: 1 }))
          }
        />
        <Input.Search
          allowClear
          placeholder="搜索标题或内容"
          style={{ width: 220 }}
          onSearch={(keyword) => setQuery((current) => ({ ...current, keyword, page: 1 }))}
        />
        <Button type="primary" onClick={() => setEditing('new')} disabled={regionChoices.length === 0}>
          新增模板
        </Button>
      </Space>
      <Table<ReplyTemplate>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: '还没有答复模板，点「新增模板」写一个' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total,
          showSizeChanger: true,
          showTotal: (count) => `共 ${count} 条`,
        }}
        onChange={changePage}
      />
      {editing && (
        <TemplateFormModal
          template={editing === 'new' ? null : editing}
          regionOptions={regionChoices}
          categoryOptions={categoryChoices}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success('已保存');
            void load();
          }}
        />
      )}
    </Space>
  );
}

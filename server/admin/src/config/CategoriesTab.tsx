import { Button, Input, Space, Table, message } from 'antd';
import { TIER_NAMES } from '@minqing/shared';
import type { ConfigCategory } from '@minqing/shared';
import { useCallback, useEffect, useState } from 'react';
import { CategoryForm } from './CategoryForm';
import { departmentKindName } from './DepartmentKindSelect';
import { referenceColumns } from './referenceColumns';
import { allPages, configApi } from './configApi';
import { pagerOf } from '../tablePaging';
import { usePagedList } from '../usePagedList';

/** 分类: the category tree with tiers and deadlines, paged by the server. */
export function CategoriesTab() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [keyword, setKeyword] = useState('');
  const [parents, setParents] = useState<ConfigCategory[]>([]);
  const [editing, setEditing] = useState<ConfigCategory | 'new' | null>(null);

  const {
    rows,
    total,
    loading,
    reload: load,
  } = usePagedList<ConfigCategory>(
    () => configApi.categories({ page, pageSize, keyword: keyword || undefined }),
    [page, pageSize, keyword],
  );

  const loadParents = useCallback(() => {
    allPages((p, size) => configApi.categories({ page: p, pageSize: size })).then(
      (all) => setParents(all.filter((category) => category.parentCode === null)),
      () => setParents([]),
    );
  }, []);

  useEffect(loadParents, [loadParents]);

  const names = new Map(parents.map((parent) => [parent.code, parent.name]));
  const changed = () => {
    setEditing(null);
    message.success('已保存');
    void load();
    loadParents();
  };

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="名称或代码"
          maxLength={64}
          onSearch={(value) => (setKeyword(value.trim()), setPage(1))}
          style={{ width: 240 }}
        />
        <Button type="primary" onClick={() => setEditing('new')}>
          新增分类
        </Button>
      </Space>
      <Table<ConfigCategory>
        rowKey="code"
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={pagerOf({ page, pageSize }, total, '个分类')}
        onChange={(pagination) => (setPage(pagination.current ?? 1), setPageSize(pagination.pageSize ?? pageSize))}
        columns={[
          { title: '名称', dataIndex: 'name', render: (name: string, row) => (row.parentCode ? `　└ ${name}` : name) },
          { title: '代码', dataIndex: 'code', width: 150 },
          {
            title: '上级',
            dataIndex: 'parentCode',
            width: 120,
            render: (code: string | null) => (code ? (names.get(code) ?? code) : '—'),
          },
          { title: '层级', dataIndex: 'tier', width: 70, render: (_value, row) => TIER_NAMES[row.tier] },
          { title: '响应时限', dataIndex: 'responseHours', width: 100, render: (hours: number) => `${hours} 小时` },
          { title: '办结时限', dataIndex: 'resolveDays', width: 110, render: (days: number) => `${days} 个工作日` },
          {
            title: '默认部门类型',
            dataIndex: 'departmentKind',
            width: 120,
            render: (kind: string | null) => (kind ? departmentKindName(kind) : '人工分派'),
          },
          ...referenceColumns<ConfigCategory>({
            edit: setEditing,
            consequence: '停用后群众和民情管理员不能再选择该分类；已有事项不受影响。',
            toggle: (row, disabled) => configApi.updateCategory(row.code, { disabled }),
            onDone: () => void load(),
          }),
        ]}
      />
      {editing && (
        <CategoryForm
          category={editing === 'new' ? undefined : editing}
          parents={parents}
          create={configApi.createCategory}
          update={configApi.updateCategory}
          onDone={changed}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}

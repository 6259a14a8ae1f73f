import { Breadcrumb, Button, Form, Input, InputNumber, Space, Table, Typography, message } from 'antd';
import { CONFIG_LIMITS, ConfigRegionInputSchema, ConfigRegionPatchSchema } from '@minqing/shared';
import type { ConfigRegion, StaffMe } from '@minqing/shared';
import { useState } from 'react';
import { ConfigFormModal } from './ConfigFormModal';
import { referenceColumns } from './referenceColumns';
import { configApi } from './configApi';
import { LEVEL_NAMES, childCodeError } from './regionPicker';
import { pagerOf } from '../tablePaging';
import { usePagedList } from '../usePagedList';

interface Crumb {
  code: string;
  name: string;
}

/** 区域与网格: one level at a time, from the top of one's scope down to the grids. */
export function RegionsTab({ staff }: { staff: StaffMe }) {
  const [path, setPath] = useState<Crumb[]>([]);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<ConfigRegion | 'new' | null>(null);
  const parent = path.length ? path[path.length - 1] : null;

  const {
    rows,
    total,
    loading,
    reload: load,
  } = usePagedList<ConfigRegion>(() => configApi.regions(parent?.code, page, pageSize), [parent?.code, page, pageSize]);

  const open = (crumbs: Crumb[]) => {
    setPath(crumbs);
    setPage(1);
  };
  const changed = () => {
    setEditing(null);
    message.success('已保存');
    void load();
  };
  // Below the top only: the top of a county supervisor's scope is their own county.
  const canAdd = parent !== null || staff.role === 'sysadmin';

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Breadcrumb
          items={[
            { title: <Typography.Link onClick={() => open([])}>全部</Typography.Link> },
            ...path.map((crumb, index) => ({
              title: <Typography.Link onClick={() => open(path.slice(0, index + 1))}>{crumb.name}</Typography.Link>,
            })),
          ]}
        />
        {canAdd && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {parent ? `在${parent.name}下新增` : '新增县'}
          </Button>
        )}
      </Space>
      <Table<ConfigRegion>
        rowKey="code"
        size="middle"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: '没有下级区域' }}
        pagination={pagerOf({ page, pageSize }, total, '个')}
        onChange={(pagination) => (setPage(pagination.current ?? 1), setPageSize(pagination.pageSize ?? pageSize))}
        columns={[
          {
            title: '名称',
            dataIndex: 'name',
            render: (name: string, row) =>
              row.level === 'grid' ? (
                name
              ) : (
                <Typography.Link onClick={() => open([...path, { code: row.code, name }])}>
                  {name}（{row.childCount}）
                </Typography.Link>
              ),
          },
          { title: '区划代码', dataIndex: 'code', width: 170 },
          { title: '级别', dataIndex: 'level', width: 90, render: (_value, row) => LEVEL_NAMES[row.level] },
          { title: '排序', dataIndex: 'sortOrder', width: 70 },
          ...referenceColumns<ConfigRegion>({
            edit: setEditing,
            consequence:
              '停用后该区域及其下级不再出现在群众的选择列表中，也不能再从这里提交反映；已有事项和账号不受影响。',
            toggle: (row, disabled) => configApi.updateRegion(row.code, { disabled }),
            onDone: () => void load(),
          }),
        ]}
      />
      {editing === 'new' && (
        <ConfigFormModal
          title={parent ? `在${parent.name}下新增区域` : '新增县'}
          schema={ConfigRegionInputSchema.refine((input) => childCodeError(parent?.code ?? null, input.code) === null, {
            path: ['code'],
            message: childCodeError(parent?.code ?? null, '') ?? '',
          })}
          initialValues={{ code: parent?.code ?? '', sortOrder: 0 }}
          submit={configApi.createRegion}
          onDone={changed}
          onCancel={() => setEditing(null)}
        >
          {() => <RegionFields withCode />}
        </ConfigFormModal>
      )}
      {editing && editing !== 'new' && (
        <ConfigFormModal
          title={`修改：${editing.name}`}
          schema={ConfigRegionPatchSchema}
          initialValues={{ code: editing.code, name: editing.name, sortOrder: editing.sortOrder }}
          submit={(patch) => configApi.updateRegion(editing.code, patch)}
          onDone={changed}
          onCancel={() => setEditing(null)}
        >
          {() => <RegionFields withCode={false} />}
        </ConfigFormModal>
      )}
    </>
  );
}

function RegionFields({ withCode }: { withCode: boolean }) {
  return (
    <>
      <Form.Item
        name="code"
        label="区划代码"
        required={withCode}
        extra={withCode ? '县 6 位、镇 9 位、村 12 位、网格 15 位，以上级代码开头；保存后不能修改' : undefined}
      >
        <Input disabled={!withCode} maxLength={15} />
      </Form.Item>
      <Form.Item name="name" label="名称" required>
        <Input maxLength={CONFIG_LIMITS.regionNameMax} showCount />
      </Form.Item>
      <Form.Item name="sortOrder" label="排序">
        <InputNumber min={0} max={CONFIG_LIMITS.sortOrderMax} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

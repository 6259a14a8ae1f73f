import { Button, Form, Input, Select, Space, Table, TreeSelect, message } from 'antd';
import { CONFIG_LIMITS, ConfigDepartmentInputSchema, ConfigDepartmentPatchSchema } from '@minqing/shared';
import type { ConfigDepartment, StaffMe } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { ConfigFormModal } from './ConfigFormModal';
import { DepartmentKindSelect, departmentKindName } from './DepartmentKindSelect';
import { referenceColumns } from './referenceColumns';
import { configApi } from './configApi';
import type { DepartmentFilter } from './configApi';
import { regionOptions } from './regionPicker';
import type { TreeOption } from './regionPicker';
import { pagerOf } from '../tablePaging';
import { usePagedList } from '../usePagedList';

const LEVEL_NAMES = { county: '县级', township: '镇级', village: '村级' } as const;
const STATUS_OPTIONS = [
  { value: 'all', label: '全部状态' },
  { value: 'enabled', label: '启用中' },
  { value: 'disabled', label: '已停用' },
];

/** 部门: who acts on reports, in one's region; disabling one keeps its reports. */
export function DepartmentsTab({ staff }: { staff: StaffMe }) {
  const [filter, setFilter] = useState<DepartmentFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [regions, setRegions] = useState<TreeOption[]>([]);
  const [editing, setEditing] = useState<ConfigDepartment | 'new' | null>(null);

  const {
    rows,
    total,
    loading,
    reload: load,
  } = usePagedList<ConfigDepartment>(
    () => configApi.departments({ ...filter, page, pageSize }),
    [filter, page, pageSize],
  );

  useEffect(() => {
    configApi.regionTree().then(
      (tree) => setRegions(regionOptions(tree, staff.role === 'sysadmin' ? '' : staff.regionCode)),
      () => setRegions([]),
    );
  }, [staff.role, staff.regionCode]);

  const changed = () => {
    setEditing(null);
    message.success('已保存');
    void load();
  };
  const refilter = (next: DepartmentFilter) => {
    setFilter((current) => ({ ...current, ...next }));
    setPage(1);
  };

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          placeholder="所在区域"
          treeData={regions}
          style={{ width: 220 }}
          onChange={(regionCode?: string) => refilter({ regionCode })}
        />
        <Input.Search
          allowClear
          placeholder="部门名称"
          maxLength={CONFIG_LIMITS.departmentNameMax}
          style={{ width: 200 }}
          onSearch={(value) => refilter({ keyword: value.trim() || undefined })}
        />
        <Select
          defaultValue="all"
          options={STATUS_OPTIONS}
          style={{ width: 120 }}
          onChange={(status: string) => refilter({ disabled: status === 'all' ? undefined : status === 'disabled' })}
        />
        <Button type="primary" onClick={() => setEditing('new')}>
          新增部门
        </Button>
      </Space>
      <Table<ConfigDepartment>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={pagerOf({ page, pageSize }, total, '个部门')}
        onChange={(pagination) => (setPage(pagination.current ?? 1), setPageSize(pagination.pageSize ?? pageSize))}
        columns={[
          { title: '部门名称', dataIndex: 'name' },
          { title: '级别', dataIndex: 'level', width: 80, render: (_value, row) => LEVEL_NAMES[row.level] },
          { title: '服务区域', dataIndex: 'regionName', width: 140 },
          { title: '业务类型', dataIndex: 'kind', width: 120, render: departmentKindName },
          ...referenceColumns<ConfigDepartment>({
            edit: setEditing,
            consequence: '停用后不再向该部门分派新事项，分派规则也会跳过它；已派给它的事项不受影响。',
            toggle: (row, disabled) => configApi.updateDepartment(row.id, { disabled }),
            onDone: () => void load(),
          }),
        ]}
      />
      {editing === 'new' && (
        <ConfigFormModal
          title="新增部门"
          schema={ConfigDepartmentInputSchema}
          submit={configApi.createDepartment}
          onDone={changed}
          onCancel={() => setEditing(null)}
        >
          {() => (
            <>
              <Form.Item name="name" label="部门名称" required>
                <Input maxLength={CONFIG_LIMITS.departmentNameMax} showCount placeholder="如 城关镇供电所" />
              </Form.Item>
              <Form.Item name="regionCode" label="服务区域" required extra="县级部门选县，镇站所选镇，村(社区)选村">
                <TreeSelect showSearch treeNodeFilterProp="title" treeData={regions} placeholder="请选择" />
              </Form.Item>
              <KindField />
            </>
          )}
        </ConfigFormModal>
      )}
      {editing && editing !== 'new' && (
        <ConfigFormModal
          title={`修改部门：${editing.name}`}
          schema={ConfigDepartmentPatchSchema}
          initialValues={{ name: editing.name, kind: editing.kind }}
          submit={(patch) => configApi.updateDepartment(editing.id, patch)}
          onDone={changed}
          onCancel={() => setEditing(null)}
        >
          {() => (
            <>
              <Form.Item name="name" label="部门名称" required>
                <Input maxLength={CONFIG_LIMITS.departmentNameMax} showCount />
              </Form.Item>
              <KindField />
            </>
          )}
        </ConfigFormModal>
      )}
    </>
  );
}

function KindField() {
  return (
    <Form.Item name="kind" label="业务类型" required extra="分类按业务类型找默认承办部门">
      <DepartmentKindSelect />
    </Form.Item>
  );
}

import { Button, Form, Popconfirm, Select, Space, Table, TreeSelect, message } from 'antd';
import { RoutingRuleInputSchema, isWithin } from '@minqing/shared';
import type { ConfigCategory, ConfigDepartment, RoutingRuleDto, StaffMe } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { ConfigFormModal } from './ConfigFormModal';
import { RoutingModelCard } from './RoutingModelCard';
import { allPages, configApi } from './configApi';
import { regionOptions } from './regionPicker';
import type { TreeOption } from './regionPicker';
import { pagerOf } from '../tablePaging';
import { usePagedList } from '../usePagedList';

/** Departments that may take reports of a region: those serving it or a region above it. */
export function departmentsServing(
  departments: readonly ConfigDepartment[],
  regionCode: string | undefined,
): ConfigDepartment[] {
  return regionCode
    ? departments.filter((department) => !department.disabled && isWithin(regionCode, department.regionCode))
    : [];
}

/** 分派规则: category + region → department, looked up from the village up (routes/routingRules). */
export function RoutingRulesTab({ staff }: { staff: StaffMe }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [categoryCode, setCategoryCode] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const [categories, setCategories] = useState<ConfigCategory[]>([]);
  const [departments, setDepartments] = useState<ConfigDepartment[]>([]);
  const [regions, setRegions] = useState<TreeOption[]>([]);

  const {
    rows,
    total,
    loading,
    reload: load,
  } = usePagedList<RoutingRuleDto>(
    () => configApi.routingRules(page, pageSize, categoryCode),
    [page, pageSize, categoryCode],
  );

  useEffect(() => {
    allPages((p, size) => configApi.categories({ page: p, pageSize: size })).then(
      (all) => setCategories(all.filter((category) => !category.disabled)),
      () => setCategories([]),
    );
    // Every department, the county's bureaus too: a village's reports may go to a county bureau.
    allPages((p, size) => configApi.departments({ page: p, pageSize: size, disabled: false })).then(
      setDepartments,
      () => setDepartments([]),
    );
    configApi.regionTree().then(
      (tree) => setRegions(regionOptions(tree, staff.role === 'sysadmin' ? '' : staff.regionCode)),
      () => setRegions([]),
    );
  }, [staff.role, staff.regionCode]);

  async function remove(rule: RoutingRuleDto) {
    try {
      await configApi.deleteRoutingRule(rule.id);
      message.success('已删除');
      void load();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '删除失败');
    }
  }

  return (
    <>
      <RoutingModelCard />
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="按分类筛选"
          style={{ width: 220 }}
          options={categories.map((category) => ({ value: category.code, label: category.name }))}
          onChange={(value?: string) => (setCategoryCode(value), setPage(1))}
        />
        <Button type="primary" onClick={() => setAdding(true)}>
          新增规则
        </Button>
      </Space>
      <Table<RoutingRuleDto>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: '没有分派规则：事项按分类的默认部门类型分派' }}
        pagination={pagerOf({ page, pageSize }, total)}
        onChange={(pagination) => (setPage(pagination.current ?? 1), setPageSize(pagination.pageSize ?? pageSize))}
        columns={[
          { title: '分类', dataIndex: 'categoryName' },
          { title: '地区', dataIndex: 'regionName' },
          { title: '承办部门', dataIndex: 'departmentName' },
          {
            title: '操作',
            width: 90,
            render: (_value, rule) => (
              <Popconfirm
                title="确认删除这条规则？"
                description="删除后该地区这类事项按上级地区的规则或分类的默认部门分派。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => remove(rule)}
              >
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {adding && (
        <ConfigFormModal
          title="新增分派规则"
          schema={RoutingRuleInputSchema}
          required={{ categoryCode: '请选择问题分类', regionCode: '请选择地区', departmentId: '请选择承办部门' }}
          submit={configApi.createRoutingRule}
          onDone={() => (setAdding(false), message.success('已保存'), void load())}
          onCancel={() => setAdding(false)}
        >
          {(form) => (
            <>
              <Form.Item name="categoryCode" label="问题分类" required>
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder="请选择"
                  options={categories.map((category) => ({ value: category.code, label: category.name }))}
                />
              </Form.Item>
              <Form.Item name="regionCode" label="地区" required extra="村的规则优先于镇，镇的优先于县">
                <TreeSelect
                  showSearch
                  treeNodeFilterProp="title"
                  treeData={regions}
                  placeholder="请选择"
                  onChange={() => form.setFieldValue('departmentId', undefined)}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(before, after) => before.regionCode !== after.regionCode}>
                {() => (
                  <Form.Item name="departmentId" label="承办部门" required>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      placeholder="先选择地区"
                      options={departmentsServing(departments, form.getFieldValue('regionCode')).map((department) => ({
                        value: department.id,
                        label: `${department.name}（${department.regionName}）`,
                      }))}
                    />
                  </Form.Item>
                )}
              </Form.Item>
            </>
          )}
        </ConfigFormModal>
      )}
    </>
  );
}

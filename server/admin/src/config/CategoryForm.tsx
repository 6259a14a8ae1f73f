import { Form, Input, InputNumber, Select } from 'antd';
import {
  CONFIG_LIMITS,
  ConfigCategoryInputSchema,
  ConfigCategoryPatchSchema,
  TIERS,
  TIER_NAMES,
} from '@minqing/shared';
import type { ConfigCategory, ConfigCategoryInput, ConfigCategoryPatch } from '@minqing/shared';
import { ConfigFormModal } from './ConfigFormModal';
import { DepartmentKindSelect } from './DepartmentKindSelect';

export interface CategoryFormProps {
  /** The category edited; absent to add one. */
  category?: ConfigCategory;
  /** Top-level categories, the only possible parents. */
  parents: ConfigCategory[];
  create: (input: ConfigCategoryInput) => Promise<unknown>;
  update: (code: string, patch: ConfigCategoryPatch) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}

const NULLABLE = ['parentCode', 'departmentKind'] as const;

/** 分类: name, parent, tier (分层处置) and deadlines; the code is chosen once. */
export function CategoryForm({ category, parents, create, update, onDone, onCancel }: CategoryFormProps) {
  const editing = category !== undefined;
  const fields = (
    <>
      <Form.Item name="code" label="分类代码" extra="小写字母、数字和下划线，保存后不能修改" required={!editing}>
        <Input disabled={editing} maxLength={CONFIG_LIMITS.categoryCodeMax} placeholder="如 road_damage" />
      </Form.Item>
      <Form.Item name="name" label="分类名称" required>
        <Input maxLength={CONFIG_LIMITS.categoryNameMax} showCount />
      </Form.Item>
      <Form.Item name="parentCode" label="上级分类">
        <Select
          allowClear
          placeholder="无（一级分类）"
          options={parents
            .filter((parent) => parent.code !== category?.code)
            .map((parent) => ({ value: parent.code, label: parent.name }))}
        />
      </Form.Item>
      <Form.Item name="tier" label="处置层级" required>
        <Select options={TIERS.map((tier) => ({ value: tier, label: TIER_NAMES[tier] }))} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="responseHours" label="响应时限（小时）" extra="24 小时以内连续计时，更长的只计工作日" required>
        <InputNumber min={1} max={CONFIG_LIMITS.responseHoursMax} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="resolveDays" label="办结时限（工作日）" required>
        <InputNumber min={1} max={CONFIG_LIMITS.resolveDaysMax} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="departmentKind"
        label="默认承办部门类型"
        extra="按这一类型找事项所在镇（没有则县）的承办部门；不选：由镇民情管理员人工分派"
      >
        <DepartmentKindSelect allowClear placeholder="人工分派" />
      </Form.Item>
      <Form.Item name="sortOrder" label="排序">
        <InputNumber min={0} max={CONFIG_LIMITS.sortOrderMax} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
  if (editing) {
    const { code, disabled: _disabled, ...initial } = category;
    return (
      <ConfigFormModal
        title={`修改分类：${category.name}`}
        schema={ConfigCategoryPatchSchema}
        nullable={NULLABLE}
        initialValues={{ code, ...initial }}
        submit={(patch) => update(code, patch)}
        onDone={onDone}
        onCancel={onCancel}
      >
        {() => fields}
      </ConfigFormModal>
    );
  }
  return (
    <ConfigFormModal
      title="新增分类"
      schema={ConfigCategoryInputSchema}
      nullable={NULLABLE}
      initialValues={{ tier: 'general', responseHours: 24, resolveDays: 7, sortOrder: 0 }}
      submit={create}
      onDone={onDone}
      onCancel={onCancel}
    >
      {() => fields}
    </ConfigFormModal>
  );
}

import { Alert, Form, Input, Modal, Radio, Select, TreeSelect, Typography } from 'antd';
import { PASSWORD_RULE, ROLE_NAMES, ROLE_SCOPE } from '@minqing/shared';
import type { Department, RegionNode, StaffAccount, StaffAccountPasswordResponse, StaffMe } from '@minqing/shared';
import { useMemo, useState } from 'react';
import { ApiError } from '../api';
import { findRegion } from '../regionTree';
import { accountsApi } from './accountsApi';
import {
  assignableRoles,
  buildCreateRequest,
  buildUpdateRequest,
  departmentsServing,
  initialValues,
  regionOptions,
  valuesAfterRoleChange,
} from './accountForm';
import type { AccountField, AccountFormValues, FieldError } from './accountForm';

const LEVEL_LABELS = { county: '县', township: '镇', village: '村(社区)', grid: '网格' } as const;
const FIELDS: readonly AccountField[] = [
  'username',
  'name',
  'role',
  'regionCode',
  'departmentId',
  'passwordMode',
  'password',
];

export interface AccountFormModalProps {
  manager: StaffMe;
  /** null: a new account. */
  account: StaffAccount | null;
  regions: RegionNode[];
  departments: Department[];
  onDone: (account: StaffAccount, generatedPassword: string | null) => void;
  onCancel: () => void;
  /** Default to the real API; tests pass fakes. */
  create?: typeof accountsApi.create;
  update?: typeof accountsApi.update;
}

/** 新建 / 编辑账号: role, scope and department checked together before sending; server field errors shown in place. */
export function AccountFormModal({
  manager,
  account,
  regions,
  departments,
  onDone,
  onCancel,
  create = accountsApi.create,
  update = accountsApi.update,
}: AccountFormModalProps) {
  const [form] = Form.useForm<AccountFormValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const regionCode = Form.useWatch('regionCode', form);
  const passwordMode = Form.useWatch('passwordMode', form);
  const editingSelf = account?.id === manager.id;
  const rule = role ? ROLE_SCOPE[role] : null;
  const regionTree = useMemo(
    () => (rule ? regionOptions(regions, manager.regionCode, rule.levels) : []),
    [regions, manager.regionCode, rule],
  );
  const departmentChoices = useMemo(() => departmentsServing(departments, regionCode), [departments, regionCode]);

  function showErrors(errors: FieldError[]) {
    form.setFields(
      FIELDS.map((name) => ({
        name,
        errors: errors.filter((error) => error.field === name).map((error) => error.message),
      })),
    );
  }

  /** The checked request, ready to send, or what is wrong with the form. */
  function prepare(
    values: AccountFormValues,
  ): { errors: FieldError[] } | { send: () => Promise<StaffAccountPasswordResponse> } {
    if (account) {
      const checked = buildUpdateRequest(account, values);
      if (!checked.ok) return { errors: checked.errors };
      const patch = checked.request;
      const unchanged = Object.keys(patch).length === 0;
      return {
        send: async () => ({ account: unchanged ? account : await update(account.id, patch), generatedPassword: null }),
      };
    }
    const checked = buildCreateRequest(values);
    if (!checked.ok) return { errors: checked.errors };
    return { send: () => create(checked.request) };
  }

  async function confirm() {
    setFailure(null);
    const prepared = prepare(form.getFieldsValue(true) as AccountFormValues);
    showErrors('errors' in prepared ? prepared.errors : []);
    if ('errors' in prepared) return;
    setBusy(true);
    try {
      const saved = await prepared.send();
      onDone(saved.account, saved.generatedPassword);
    } catch (error) {
      if (error instanceof ApiError && error.field && (FIELDS as readonly string[]).includes(error.field)) {
        showErrors([{ field: error.field as AccountField, message: error.message }]);
      } else {
        setFailure(error instanceof Error ? error.message : '保存失败');
      }
    } finally {
      setBusy(false);
    }
  }

  function changeValues(changed: Partial<AccountFormValues>) {
    if (!('role' in changed)) return;
    const next = valuesAfterRoleChange(
      form.getFieldsValue(true) as AccountFormValues,
      findRegion(regions, form.getFieldValue('regionCode'))?.level,
    );
    form.setFieldsValue({ regionCode: next.regionCode, departmentId: next.departmentId });
  }

  return (
    <Modal
      open
      title={account ? `编辑账号 · ${account.username}` : '新建账号'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={confirm}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
    >
      {editingSelf && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="这是您自己的账号：只能修改姓名。" />
      )}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={failure} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues(account)}
        onValuesChange={changeValues}
      >
        <Form.Item
          name="username"
          label="账号"
          extra={account ? undefined : '3-32 位小写字母、数字或下划线，以字母开头；创建后不能修改'}
        >
          <Input placeholder="如 chengguan_wang" disabled={account !== null} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label="姓名">
          <Input placeholder="请输入姓名" maxLength={32} />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select
            placeholder="请选择角色"
            disabled={editingSelf}
            options={(editingSelf && account ? [account.role] : assignableRoles(manager.role)).map((value) => ({
              value,
              label: ROLE_NAMES[value],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label="管辖范围"
          extra={
            rule
              ? `${role ? ROLE_NAMES[role] : ''}可选：${rule.levels.map((level) => LEVEL_LABELS[level]).join('、')}`
              : '请先选择角色'
          }
        >
          <TreeSelect
            placeholder="请选择管辖范围"
            disabled={editingSelf || !rule}
            treeData={regionTree}
            treeDefaultExpandAll={false}
            treeDefaultExpandedKeys={[manager.regionCode]}
            showSearch
            treeNodeFilterProp="title"
          />
        </Form.Item>
        {rule && rule.department !== 'none' && (
          <Form.Item name="departmentId" label={rule.department === 'required' ? '所属部门' : '所属部门（可不选）'}>
            <Select
              placeholder={regionCode ? '请选择所属部门' : '请先选择管辖范围'}
              disabled={editingSelf || !regionCode}
              allowClear={rule.department === 'optional'}
              options={departmentChoices.map((department) => ({ value: department.id, label: department.name }))}
              notFoundContent="该范围没有可选的部门"
            />
          </Form.Item>
        )}
        {!account && (
          <>
            <Form.Item name="passwordMode" label="初始密码" extra="首次登录时须修改初始密码">
              <Radio.Group
                options={[
                  { value: 'generate', label: '系统生成（只显示一次）' },
                  { value: 'manual', label: '手动设置' },
                ]}
              />
            </Form.Item>
            {passwordMode === 'manual' && (
              <Form.Item
                name="password"
                label="密码"
                extra={<Typography.Text type="secondary">{PASSWORD_RULE.text}</Typography.Text>}
              >
                <Input.Password autoComplete="new-password" placeholder="请输入初始密码" />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}

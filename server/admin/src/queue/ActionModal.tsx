import { Form, Input, Modal, Select, Typography } from 'antd';
import { LIMITS } from '@minqing/shared';
import type { Category, Department, StaffReport } from '@minqing/shared';
import { useState } from 'react';
import { ApiError, api } from '../api';
import { NOTE_FIELD, actionName, buildActionRequest } from './actionForm';
import type { ActionFormValues, SupportedAction } from './actionForm';

export interface ActionModalProps {
  report: Pick<StaffReport, 'id' | 'serialNo' | 'suggestions'>;
  action: SupportedAction;
  departments: Department[];
  categories: Category[];
  onDone: (updated: StaffReport) => void;
  onCancel: () => void;
  /** Defaults to the real API; tests pass a fake. */
  submit?: typeof api.act;
}

/** One action on a report: its fields, checked before sending, and the server's field errors shown in place. */
export function ActionModal({ report, action, departments, categories, onDone, onCancel, submit = api.act }: ActionModalProps) {
  const [form] = Form.useForm<ActionFormValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const note = NOTE_FIELD[action];
  const suggested = report.suggestions[0];

  async function confirm() {
    setFailure(null);
    const values = form.getFieldsValue();
    const checked = buildActionRequest(action, values);
    form.setFields(
      (['note', 'departmentId', 'categoryCode'] as const).map((name) => ({
        name,
        errors: checked.ok ? [] : checked.errors.filter((error) => error.field === name).map((error) => error.message),
      })),
    );
    if (!checked.ok) return;
    setBusy(true);
    try {
      onDone(await submit(report.id, checked.request));
    } catch (error) {
      if (error instanceof ApiError && error.field && ['note', 'departmentId', 'categoryCode'].includes(error.field)) {
        form.setFields([{ name: error.field as keyof ActionFormValues, errors: [error.message] }]);
      } else {
        setFailure(error instanceof Error ? error.message : '操作失败');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`${actionName(action)} · ${report.serialNo}`}
      okText={`确认${actionName(action)}`}
      cancelText="取消"
      confirmLoading={busy}
      onOk={confirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={action === 'assign' && suggested ? { departmentId: suggested.departmentId ?? undefined, categoryCode: suggested.categoryCode } : {}}
      >
        {action === 'assign' && (
          <>
            <Form.Item name="departmentId" label="承办部门" required>
              <Select
                showSearch
                optionFilterProp="label"
                placeholder="请选择承办部门"
                options={departments.map((department) => ({ value: department.id, label: department.name }))}
              />
            </Form.Item>
            <Form.Item name="categoryCode" label="事项分类（可选，用于改进自动分派）">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="不修改分类"
                options={categories.filter((category) => category.parentCode).map((category) => ({ value: category.code, label: category.name }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={note.label} required={note.required}>
          <Input.TextArea rows={4} maxLength={LIMITS.noteMax} showCount placeholder={note.required ? `请填写${note.label}` : '可不填'} />
        </Form.Item>
        {failure && <Typography.Text type="danger" role="alert">{failure}</Typography.Text>}
      </Form>
    </Modal>
  );
}

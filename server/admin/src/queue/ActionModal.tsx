import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { LIMITS } from '@minqing/shared';
import type { Category, Department, StaffReport } from '@minqing/shared';
import { useState } from 'react';
import { ApiError, api } from '../api';
import { ACTION_FIELDS, CONFIRM_TEXT, NOTE_FIELD, actionName, buildActionRequest } from './actionForm';
import { departmentGroups, townshipOf } from './departmentOptions';
import { MergeTargetPicker } from './MergeTargetPicker';
import { PhotoUploader } from './PhotoUploader';
import type { ActionFormValues, SupportedAction } from './actionForm';
import { appendTemplate } from '../templates/placeholders';
import { ReplyTemplatePicker } from './ReplyTemplatePicker';

/** Actions whose text answers the citizen, so a reply template can start it. */
const TEMPLATE_ACTIONS: readonly SupportedAction[] = ['reply', 'resolve'];

export interface ActionModalProps {
  report: Pick<StaffReport, 'id' | 'serialNo' | 'suggestions'> &
    Partial<
      Pick<
        StaffReport,
        'villageCode' | 'villageName' | 'department' | 'category' | 'excerpt' | 'status' | 'submittedAt'
      >
    >;
  action: SupportedAction;
  departments: Department[];
  categories: Category[];
  onDone: (updated: StaffReport) => void;
  onCancel: () => void;
  /** Defaults to the real API; tests pass a fake. */
  submit?: typeof api.act;
}

/** One action on a report: its fields, checked before sending, and the server's field errors shown in place. */
export function ActionModal({
  report,
  action,
  departments,
  categories,
  onDone,
  onCancel,
  submit = api.act,
}: ActionModalProps) {
  const [form] = Form.useForm<ActionFormValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** For an action that cannot be taken back: the first OK shows what will happen, the second sends. */
  const [armed, setArmed] = useState(false);
  const warning = CONFIRM_TEXT[action];
  const note = NOTE_FIELD[action];
  // Only a suggestion the router would have trusted fills the form in advance.
  const suggested = report.suggestions.find((suggestion) => suggestion.confident && suggestion.departmentId !== null);
  const departmentChoices = (exclude?: string) =>
    departmentGroups(
      departments.filter((department) => department.id !== exclude),
      townshipOf(report.villageCode),
    );

  async function confirm() {
    setFailure(null);
    const values = form.getFieldsValue();
    const checked = buildActionRequest(action, values);
    form.setFields(
      ACTION_FIELDS.filter(
        (name) => name in values || (!checked.ok && checked.errors.some((error) => error.field === name)),
      ).map((name) => ({
        name,
        errors: checked.ok ? [] : checked.errors.filter((error) => error.field === name).map((error) => error.message),
      })),
    );
    if (!checked.ok) {
      setArmed(false);
      return;
    }
    if (warning && !armed) {
      setArmed(true);
      return;
    }
    setBusy(true);
    try {
      onDone(await submit(report.id, checked.request));
    } catch (error) {
      setArmed(false);
      if (error instanceof ApiError && error.field && (ACTION_FIELDS as readonly string[]).includes(error.field)) {
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
      okText={armed ? `确定${actionName(action)}，不可撤销` : `确认${actionName(action)}`}
      okButtonProps={{ danger: armed }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={confirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          action === 'assign' && suggested
            ? { departmentId: suggested.departmentId ?? undefined, categoryCode: suggested.categoryCode }
            : {}
        }
        onValuesChange={() => setArmed(false)}
      >
        {action === 'transfer' && (
          <Form.Item name="departmentId" label="转派到" required>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="请选择转派到的部门"
              options={departmentChoices(report.department?.id)}
            />
          </Form.Item>
        )}
        {action === 'request_extension' && (
          <Form.Item name="extensionDays" label={`延期天数（工作日，最多 ${LIMITS.extensionDaysMax} 天）`} required>
            <InputNumber
              min={1}
              max={LIMITS.extensionDaysMax}
              precision={0}
              placeholder="天数"
              style={{ width: 160 }}
            />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item name="targetReportId" label="合并到的事项" required>
            <MergeTargetPicker
              source={{
                id: report.id,
                serialNo: report.serialNo,
                excerpt: report.excerpt ?? '',
                status: report.status ?? 'submitted',
                villageName: report.villageName,
                submittedAt: report.submittedAt,
              }}
            />
          </Form.Item>
        )}
        {action === 'assign' && (
          <>
            <Form.Item name="departmentId" label="承办部门" required>
              <Select showSearch optionFilterProp="label" placeholder="请选择承办部门" options={departmentChoices()} />
            </Form.Item>
            <Form.Item name="categoryCode" label="事项分类（可选，用于改进自动分派）">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="不修改分类"
                options={categories
                  .filter((category) => category.parentCode)
                  .map((category) => ({ value: category.code, label: category.name }))}
              />
            </Form.Item>
          </>
        )}
        {TEMPLATE_ACTIONS.includes(action) && (
          <ReplyTemplatePicker
            report={report}
            onInsert={(text) => form.setFieldValue('note', appendTemplate(form.getFieldValue('note'), text))}
          />
        )}
        <Form.Item name="note" label={note.label} required={note.required}>
          <Input.TextArea
            rows={4}
            maxLength={LIMITS.noteMax}
            showCount
            placeholder={note.required ? `请填写${note.label}` : '可不填'}
          />
        </Form.Item>
        {action === 'resolve' && (
          <Form.Item name="photoUploadIds" label={`现场照片（可选，最多 ${LIMITS.reportPhotosMax} 张）`}>
            <PhotoUploader />
          </Form.Item>
        )}
        {action === 'resolve_on_spot' && (
          <Form.Item name="photoUploadIds" label={`现场照片（至少 1 张，最多 ${LIMITS.reportPhotosMax} 张）`} required>
            <PhotoUploader />
          </Form.Item>
        )}
        {armed && warning && (
          <Alert type="warning" showIcon message={`请再次确认：${warning}`} style={{ marginBottom: 12 }} />
        )}
        {failure && (
          <Typography.Text type="danger" role="alert">
            {failure}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

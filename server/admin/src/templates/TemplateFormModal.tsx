import { Form, Input, Modal, Select, Space, Switch, Tag, TreeSelect, Typography } from 'antd';
import { LIMITS, REPLY_TEMPLATE_TITLE_MAX } from '@minqing/shared';
import type { ReplyTemplate } from '@minqing/shared';
import { useState } from 'react';
import { ApiError } from '../api';
import { PLACEHOLDER_HINTS } from './placeholders';
import { TEMPLATE_FIELDS, buildTemplateInput, formValuesOf } from './templateForm';
import type { TemplateField, TemplateFormValues, TreeOption } from './templateForm';
import { templatesApi } from './templatesApi';

export interface TemplateFormModalProps {
  /** null: a new template. */
  template: ReplyTemplate | null;
  regionOptions: TreeOption[];
  categoryOptions: { value: string; label: string }[];
  onSaved: (saved: ReplyTemplate) => void;
  onCancel: () => void;
}

const isField = (name: string | undefined): name is TemplateField =>
  (TEMPLATE_FIELDS as readonly string[]).includes(name ?? '');

/** 新增 / 编辑答复模板: checked with the server's schema first, the server's field errors shown in place. */
export function TemplateFormModal({
  template,
  regionOptions,
  categoryOptions,
  onSaved,
  onCancel,
}: TemplateFormModalProps) {
  const [form] = Form.useForm<TemplateFormValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const initial: TemplateFormValues = template
    ? formValuesOf(template)
    : { categoryCode: '', regionCode: regionOptions[0]?.value, enabled: true };

  async function save() {
    setFailure(null);
    const checked = buildTemplateInput(form.getFieldsValue());
    form.setFields(
      TEMPLATE_FIELDS.map((name) => ({
        name,
        errors: checked.ok ? [] : checked.errors.filter((error) => error.field === name).map((error) => error.message),
      })),
    );
    if (!checked.ok) return;
    setBusy(true);
    try {
      onSaved(
        template ? await templatesApi.update(template.id, checked.input) : await templatesApi.create(checked.input),
      );
    } catch (error) {
      if (error instanceof ApiError && isField(error.field))
        form.setFields([{ name: error.field, errors: [error.message] }]);
      else setFailure(error instanceof Error ? error.message : '保存失败');
    } finally {
      setBusy(false);
    }
  }

  function insertPlaceholder(placeholder: string) {
    form.setFieldValue('body', `${form.getFieldValue('body') ?? ''}${placeholder}`);
  }

  return (
    <Modal
      open
      title={template ? '编辑答复模板' : '新增答复模板'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={save}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="title" label="标题" required>
          <Input maxLength={REPLY_TEMPLATE_TITLE_MAX} placeholder="如：停电抢修答复" />
        </Form.Item>
        <Space style={{ width: '100%' }} align="start">
          <Form.Item
            name="categoryCode"
            label="问题分类"
            extra="只提供给这一分类的事项，不含其下级分类"
            style={{ minWidth: 260 }}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={[{ value: '', label: '通用（所有分类）' }, ...categoryOptions]}
            />
          </Form.Item>
          <Form.Item name="regionCode" label="适用范围（含下级）" required style={{ minWidth: 260 }}>
            <TreeSelect
              treeData={regionOptions}
              treeDefaultExpandAll
              showSearch
              treeNodeFilterProp="title"
              placeholder="请选择适用范围"
            />
          </Form.Item>
        </Space>
        <Form.Item name="body" label="内容" required>
          <Input.TextArea
            rows={6}
            maxLength={LIMITS.noteMax}
            showCount
            placeholder="答复群众的文字，可使用下方的占位符"
          />
        </Form.Item>
        <Typography.Text type="secondary">点击插入占位符，使用时自动替换为该事项的信息：</Typography.Text>
        <div style={{ margin: '4px 0 12px' }}>
          {PLACEHOLDER_HINTS.map((hint) => (
            <Tag
              key={hint.placeholder}
              style={{ cursor: 'pointer' }}
              onClick={() => insertPlaceholder(hint.placeholder)}
            >
              {hint.placeholder} {hint.meaning}
            </Tag>
          ))}
        </div>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
        {failure && (
          <Typography.Text type="danger" role="alert">
            {failure}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

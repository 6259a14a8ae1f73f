import { Alert, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api';
import { checkForm } from './configForm';

export interface ConfigFormModalProps<S extends z.ZodType> {
  title: string;
  okText?: string;
  /** The shared schema the server validates with. */
  schema: S;
  /** Blank fields sent as null (cleared). */
  nullable?: readonly string[];
  /** Messages for required fields left blank, where the shared schema has none in Chinese. */
  required?: Readonly<Record<string, string>>;
  initialValues?: Record<string, unknown>;
  submit: (data: z.infer<S>) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
  children: (form: FormInstance) => ReactNode;
}

/**
 * One create or edit form of the configuration screens: checked with the shared schema
 * before sending, the server's field error shown in place, any other failure above the form.
 */
export function ConfigFormModal<S extends z.ZodType>({
  title,
  okText = '保存',
  schema,
  nullable,
  required,
  initialValues,
  submit,
  onDone,
  onCancel,
  children,
}: ConfigFormModalProps<S>) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    form.setFieldsValue(initialValues ?? {});
  }, [form, initialValues]);

  async function confirm() {
    setFailure(null);
    const values: Record<string, unknown> = form.getFieldsValue();
    const checked = checkForm(schema, values, nullable, required);
    form.setFields(
      Object.keys(values).map((name) => ({
        name,
        errors: checked.ok || !checked.errors[name] ? [] : [checked.errors[name]],
      })),
    );
    if (!checked.ok) {
      const elsewhere = Object.entries(checked.errors).find(([field]) => !(field in values));
      if (elsewhere) setFailure(elsewhere[1]);
      return;
    }
    setBusy(true);
    try {
      await submit(checked.data);
      onDone();
    } catch (error) {
      const field = error instanceof ApiError ? error.field?.split('.')[0] : undefined;
      if (error instanceof ApiError && field && field in values)
        form.setFields([{ name: field, errors: [error.message] }]);
      else setFailure(error instanceof Error ? error.message : '保存失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={busy}
      onOk={confirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children(form)}
      </Form>
    </Modal>
  );
}

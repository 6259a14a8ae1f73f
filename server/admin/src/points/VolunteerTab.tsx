import { Alert, Button, Card, DatePicker, Form, Input, InputNumber } from 'antd';
import { POINTS_MAX_AWARD } from '@minqing/shared';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../api';
import { pointsApi } from './pointsApi';
import { VOLUNTEER_FIELDS, buildVolunteerRequest } from './volunteerForm';
import type { VolunteerField, VolunteerFormValues } from './volunteerForm';

/** The request calls the day `activityDate`; the form's picker is `date`. */
const formField = (field: VolunteerField) => (field === 'activityDate' ? 'date' : field);

export interface VolunteerTabProps {
  /** Default to the real API; tests pass a fake. */
  record?: typeof pointsApi.volunteer;
}

/** 志愿积分: a cadre records a villager's volunteer work; the villager is found by the phone they bound. */
export function VolunteerTab({ record = pointsApi.volunteer }: VolunteerTabProps) {
  const [form] = Form.useForm<VolunteerFormValues>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  async function submit() {
    setResult(null);
    const checked = buildVolunteerRequest(form.getFieldsValue());
    form.setFields(
      VOLUNTEER_FIELDS.map((field) => ({
        name: formField(field),
        errors: checked.ok ? [] : checked.errors.filter((error) => error.field === field).map((error) => error.message),
      })),
    );
    if (!checked.ok) return;
    setBusy(true);
    try {
      const recorded = await record(checked.body);
      setResult({ type: 'success', text: `已记入 ${recorded.delta} 积分：${recorded.note}` });
      // Keep the activity and date: a cadre usually records several villagers of one activity.
      form.setFieldsValue({ phone: '', points: null });
    } catch (error) {
      if (error instanceof ApiError && error.field && (VOLUNTEER_FIELDS as readonly string[]).includes(error.field)) {
        form.setFields([{ name: formField(error.field as VolunteerField), errors: [error.message] }]);
      } else {
        setResult({ type: 'error', text: error instanceof Error ? error.message : '记录失败' });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title="登记志愿服务积分" style={{ maxWidth: 560 }}>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} onFinish={() => void submit()}>
        <Form.Item name="phone" label="村民手机号" required extra="村民需先在小程序「我的」中绑定手机号">
          <Input maxLength={11} inputMode="numeric" placeholder="11 位手机号" />
        </Form.Item>
        <Form.Item name="activity" label="活动名称" required>
          <Input maxLength={60} placeholder="如：清扫河道、义务巡逻" />
        </Form.Item>
        <Form.Item name="date" label="活动日期" required>
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="points" label="积分" extra="留空按县里规定的分值记入">
          <InputNumber min={1} max={POINTS_MAX_AWARD} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          记入积分
        </Button>
      </Form>
      {result && <Alert style={{ marginTop: 16 }} type={result.type} showIcon message={result.text} />}
    </Card>
  );
}

import { Alert, Button, DatePicker, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { CONFIG_LIMITS, HOLIDAY_DAY_KIND_NAMES } from '@minqing/shared';
import type { HolidayDay, HolidayDayKind, HolidayYearSchedule } from '@minqing/shared';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../api';
import { holidayRange, periodsOf, scheduleProblems, weekdayName, withDays } from './holidayEditor';

export interface HolidayEditorProps {
  schedule: HolidayYearSchedule;
  save: (days: HolidayDay[]) => Promise<unknown>;
}

const SOURCE_TEXT: Record<HolidayYearSchedule['source'], { tag: string; color: string; explain: string }> = {
  custom: { tag: '已录入', color: 'blue', explain: '本年按下列录入的安排计算工作日，替代系统内置安排。' },
  builtin: {
    tag: '系统内置',
    color: 'green',
    explain: '本年按系统内置的国务院办公厅通知计算工作日。保存后以录入的安排为准。',
  },
  none: {
    tag: '未录入',
    color: 'orange',
    explain: '本年尚无节假日安排：只按周末和元旦、劳动节、国庆节的法定日期计算。国务院通知发布后请在此录入。',
  },
};

/**
 * 节假日安排 of one year: add holiday periods and make-up workdays (调休上班), remove days,
 * and save the whole year — checked as the server checks it — or go back to the built-in one.
 */
export function HolidayEditor({ schedule, save }: HolidayEditorProps) {
  const { year } = schedule;
  const [days, setDays] = useState<HolidayDay[]>(schedule.days);
  const [kind, setKind] = useState<HolidayDayKind>('holiday');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [name, setName] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setDays(schedule.days), [schedule]);

  const dirty = JSON.stringify(days) !== JSON.stringify(schedule.days);
  const problems = scheduleProblems(year, days);
  const source = SOURCE_TEXT[schedule.source];

  function add() {
    const from = range?.[0]?.format('YYYY-MM-DD');
    const to = (kind === 'holiday' ? range?.[1] : range?.[0])?.format('YYYY-MM-DD') ?? from;
    if (!from || !to) return setAddError('请选择日期');
    if (!name.trim()) return setAddError('请填写节日名称，如 春节');
    setAddError(null);
    setDays((current) =>
      withDays(
        current,
        kind === 'holiday' ? holidayRange(from, to, name) : [{ date: from, kind: 'workday', name: name.trim() }],
      ),
    );
    setRange(null);
  }

  async function store(next: HolidayDay[]) {
    setFailure(null);
    setBusy(true);
    try {
      await save(next);
    } catch (error) {
      setFailure(error instanceof ApiError || error instanceof Error ? error.message : '保存失败');
    } finally {
      setBusy(false);
    }
  }

  const inYear = (date: Dayjs) => date.year() !== year;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type={schedule.source === 'none' ? 'warning' : 'info'}
        showIcon
        message={
          <>
            <Tag color={source.color}>{source.tag}</Tag>
            {source.explain}
          </>
        }
      />
      <Space wrap>
        <Select<HolidayDayKind>
          aria-label="类型"
          value={kind}
          onChange={(value) => (setKind(value), setRange(null))}
          options={(['holiday', 'workday'] as const).map((value) => ({ value, label: HOLIDAY_DAY_KIND_NAMES[value] }))}
          style={{ width: 120 }}
        />
        {kind === 'holiday' ? (
          <DatePicker.RangePicker
            value={range}
            disabledDate={inYear}
            defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
            onChange={(value) => setRange(value)}
          />
        ) : (
          <DatePicker
            value={range?.[0] ?? null}
            disabledDate={inYear}
            defaultPickerValue={dayjs(`${year}-01-01`)}
            onChange={(value) => setRange(value ? [value, value] : null)}
          />
        )}
        <Input
          placeholder="节日名称，如 春节"
          aria-label="节日名称"
          value={name}
          maxLength={CONFIG_LIMITS.holidayNameMax}
          onChange={(event) => setName(event.target.value)}
          style={{ width: 180 }}
        />
        <Button onClick={add}>添加</Button>
        {addError && <Typography.Text type="danger">{addError}</Typography.Text>}
      </Space>
      <Typography.Text type="secondary">
        {periodsOf(days)
          .map(
            (period) =>
              `${period.name} ${period.from.slice(5)}～${period.to.slice(5)}（${period.days} 天${period.workdays.length ? `，${period.workdays.map((date) => date.slice(5)).join('、')} 上班` : ''}）`,
          )
          .join('；') || '尚无放假安排'}
      </Typography.Text>
      <Table<HolidayDay>
        rowKey="date"
        size="small"
        dataSource={days}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: '没有节假日' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '星期', dataIndex: 'date', key: 'weekday', width: 70, render: weekdayName },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 100,
            render: (value: HolidayDayKind) => (
              <Tag color={value === 'holiday' ? 'red' : 'blue'}>{HOLIDAY_DAY_KIND_NAMES[value]}</Tag>
            ),
          },
          { title: '节日', dataIndex: 'name' },
          {
            title: '操作',
            width: 80,
            render: (_value, day) => (
              <Button
                type="link"
                size="small"
                aria-label={`删除 ${day.date}`}
                onClick={() => setDays((current) => current.filter((entry) => entry.date !== day.date))}
              >
                删除
              </Button>
            ),
          },
        ]}
      />
      {problems.length > 0 && <Alert type="error" showIcon message="请先改正" description={problems.join('；')} />}
      {failure && <Alert type="error" showIcon message={failure} />}
      <Space>
        <Popconfirm
          title={`保存 ${year} 年节假日安排？`}
          description="保存后新派单和延期的办结时限按此安排计算；已计算的时限不变。"
          okText="保存"
          cancelText="取消"
          disabled={problems.length > 0 || days.length === 0}
          onConfirm={() => store(days)}
        >
          <Button
            type="primary"
            loading={busy}
            disabled={problems.length > 0 || days.length === 0 || (!dirty && schedule.source === 'custom')}
          >
            保存安排
          </Button>
        </Popconfirm>
        {dirty && <Button onClick={() => setDays(schedule.days)}>放弃修改</Button>}
        {schedule.source === 'custom' && (
          <Popconfirm
            title={`删除 ${year} 年录入的安排？`}
            description="删除后本年按系统内置安排（若有）或仅按周末计算工作日。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => store([])}
          >
            <Button danger loading={busy}>
              恢复内置安排
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Space>
  );
}

import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import type { PeriodChoice } from './period';

interface PeriodPickerProps {
  value: PeriodChoice;
  today: string;
  onChange: (choice: PeriodChoice) => void;
}

/** 按月 or 自定义: a month picker, or a range of days (no day after today). */
export function PeriodPicker({ value, today, onChange }: PeriodPickerProps) {
  const future = (day: dayjs.Dayjs) => day.format('YYYY-MM-DD') > today;
  return (
    <Space wrap>
      <Segmented
        value={value.kind}
        options={[
          { label: '按月', value: 'month' },
          { label: '自定义', value: 'range' },
        ]}
        onChange={(kind) =>
          onChange(
            kind === 'month'
              ? { kind: 'month', month: today.slice(0, 7) }
              : { kind: 'range', from: `${today.slice(0, 7)}-01`, to: today },
          )
        }
      />
      {value.kind === 'month' ? (
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label="统计月份"
          value={dayjs(`${value.month}-01`)}
          disabledDate={(day) => day.format('YYYY-MM') > today.slice(0, 7)}
          onChange={(day) => day && onChange({ kind: 'month', month: day.format('YYYY-MM') })}
        />
      ) : (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(value.from), dayjs(value.to)]}
          disabledDate={future}
          onChange={(days) =>
            days?.[0] &&
            days[1] &&
            onChange({ kind: 'range', from: days[0].format('YYYY-MM-DD'), to: days[1].format('YYYY-MM-DD') })
          }
        />
      )}
    </Space>
  );
}

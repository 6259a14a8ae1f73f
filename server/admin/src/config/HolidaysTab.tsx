import { Select, Space, Spin, Typography, message } from 'antd';
import type { HolidayDay, HolidayYearSchedule, HolidayYearSummary } from '@minqing/shared';
import { useCallback, useEffect, useState } from 'react';
import { HolidayEditor } from './HolidayEditor';
import { configApi } from './configApi';

const SOURCE_NAMES = { custom: '已录入', builtin: '系统内置', none: '未录入' } as const;

/** 节假日: pick a year, edit its schedule; deadlines use a saved year at once. */
export function HolidaysTab() {
  const [years, setYears] = useState<HolidayYearSummary[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [schedule, setSchedule] = useState<HolidayYearSchedule | null>(null);

  const loadYears = useCallback(async () => {
    try {
      const list = await configApi.holidayYears();
      setYears(list);
      // The next year first: its notice is the one waiting to be entered.
      setYear(
        (current) =>
          current ?? list.find((entry) => entry.year === new Date().getFullYear() + 1)?.year ?? list[0]?.year ?? null,
      );
    } catch (error) {
      message.error(error instanceof Error ? error.message : '加载失败');
    }
  }, []);

  useEffect(() => void loadYears(), [loadYears]);
  useEffect(() => {
    if (year === null) return;
    setSchedule(null);
    configApi
      .holidayYear(year)
      .then(setSchedule, (error: unknown) => message.error(error instanceof Error ? error.message : '加载失败'));
  }, [year]);

  async function save(days: HolidayDay[]) {
    if (year === null) return;
    setSchedule(await configApi.saveHolidayYear(year, days));
    message.success(days.length ? '已保存，新的时限按此安排计算' : '已恢复内置安排');
    void loadYears();
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>年份</Typography.Text>
        <Select<number>
          value={year ?? undefined}
          onChange={setYear}
          style={{ width: 220 }}
          options={years.map((entry) => ({
            value: entry.year,
            label: `${entry.year} 年（${SOURCE_NAMES[entry.source]}${entry.source === 'none' ? '' : `，放假 ${entry.holidays} 天`}）`,
          }))}
        />
      </Space>
      {schedule ? <HolidayEditor schedule={schedule} save={save} /> : <Spin />}
    </Space>
  );
}

import type { BreakdownItem, TrendDay } from '@minqing/shared';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { TrendSeries } from './drillDown';

/**
 * ECharts options built from the statistics, as pure functions (jsdom cannot draw a canvas,
 * so these and the click mapping are what the tests check). Only the charts and components
 * registered in EChart.tsx may appear here.
 */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
>;

/** What a chart click tells: ECharts' event, narrowed to what the mapping reads. */
export interface ChartClick {
  seriesId?: string;
  dataIndex: number;
}

export const SERIES_NAMES: Record<TrendSeries, string> = { received: '受理', resolved: '办结', overdue: '超期' };
const SERIES_COLORS: Record<TrendSeries, string> = { received: '#1677ff', resolved: '#52c41a', overdue: '#ff4d4f' };
const SERIES: readonly TrendSeries[] = ['received', 'resolved', 'overdue'];

/** Daily received, resolved and overdue lines; the x axis shows MM-DD. */
export function trendOption(days: readonly TrendDay[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days.map((day) => day.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((series) => ({
      id: series,
      name: SERIES_NAMES[series],
      type: 'line',
      // Straight segments: a smoothed curve would draw values between days that never happened.
      smooth: false,
      color: SERIES_COLORS[series],
      // A point must be clickable even where the line is flat.
      symbolSize: 7,
      data: days.map((day) => day[series]),
    })),
  };
}

/** The trend point clicked: which series, which day. */
export function trendClicked(
  click: ChartClick,
  days: readonly TrendDay[],
): { series: TrendSeries; date: string } | null {
  const day = days[click.dataIndex];
  const series = SERIES.find((candidate) => candidate === click.seriesId);
  return day && series ? { series, date: day.date } : null;
}

/** Share of the period's reports by category; categories with nothing received (returns only) are left out. */
export function categoryOption(items: readonly BreakdownItem[]): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
    series: [
      {
        id: 'category',
        type: 'pie',
        radius: ['35%', '70%'],
        center: ['38%', '50%'],
        data: pieItems(items).map((item) => ({ name: item.name, value: item.received })),
      },
    ],
  };
}

function pieItems(items: readonly BreakdownItem[]): BreakdownItem[] {
  return items.filter((item) => item.received > 0);
}

/** The category of the clicked slice: its code, or null for 未分类; undefined when nothing matches. */
export function categoryClicked(
  click: ChartClick,
  items: readonly BreakdownItem[],
): { key: string | null } | undefined {
  const item = pieItems(items)[click.dataIndex];
  return item ? { key: item.key } : undefined;
}

/** Received, resolved and overdue per township (or village, in a township's scope), side by side. */
export function regionOption(items: readonly BreakdownItem[]): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: items.map((item) => item.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((series) => ({
      id: series,
      name: SERIES_NAMES[series],
      type: 'bar',
      color: SERIES_COLORS[series],
      data: items.map((item) => item[series]),
    })),
  };
}

export function regionClicked(
  click: ChartClick,
  items: readonly BreakdownItem[],
): { regionCode: string; series: TrendSeries } | null {
  const item = items[click.dataIndex];
  const series = SERIES.find((candidate) => candidate === click.seriesId);
  return item?.key && series ? { regionCode: item.key, series } : null;
}

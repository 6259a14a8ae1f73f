import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import type { ECElementEvent, ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartClick, ChartOption } from './chartOptions';

// Only what chartOptions.ts uses, so the bundle carries no other chart.
use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

interface EChartProps {
  option: ChartOption;
  onClick?: (click: ChartClick) => void;
  height?: number;
  /** Read by screen readers in place of the canvas. */
  label: string;
}

/** One ECharts instance for the element's life: created on mount, fed new options, resized with its box, disposed on unmount. */
export function EChart({ option, onClick, height = 300, label }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // The latest handler, so a new closure does not need a new instance or listener.
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => {
      const { seriesId, dataIndex } = event as ECElementEvent;
      clickHandler.current?.({ seriesId: seriesId ?? undefined, dataIndex });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a series that disappeared (say, a township with no reports now) must go.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={label}
      style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }}
    />
  );
}

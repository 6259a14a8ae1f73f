import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ClassifierModelInfo } from '@minqing/shared';
import { RoutingModelCard, accuracyText, changeText, modelApi } from './RoutingModelCard';

const info: ClassifierModelInfo = {
  version: 'r-20260301',
  trainedAt: '2026-03-01T02:00:00.000Z',
  source: 'retrained',
  accuracy: 0.912,
  examples: 1480,
  changes: [{ categoryCode: 'power', categoryName: '供电', n: 40, before: 0.8, after: 0.9 }],
  threshold: 0.6,
  corrections: 57,
  nextRetrainAt: '2026-03-08T02:00:00.000Z',
  history: [
    {
      version: 'r-20260301',
      trainedAt: '2026-03-01T02:00:00.000Z',
      accuracy: 0.912,
      previousAccuracy: 0.887,
      examples: 1480,
      corrections: 57,
      validationSize: 300,
      kept: true,
      changes: [{ categoryCode: 'power', categoryName: '供电', n: 40, before: 0.8, after: 0.9 }],
      note: '新模型更准，已采用',
    },
    {
      version: 'r-20260222',
      trainedAt: '2026-02-22T02:00:00.000Z',
      accuracy: 0.85,
      previousAccuracy: 0.887,
      examples: 1420,
      corrections: 31,
      validationSize: 300,
      kept: false,
      changes: [],
      note: '新模型不如原模型，未采用',
    },
  ],
};

describe('the routing model card', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows the version, accuracy, threshold and what changed, and the retraining history', async () => {
    jest.spyOn(modelApi, 'info').mockResolvedValue(info);
    render(<RoutingModelCard />);
    expect(await screen.findByText('按派单纠正重新训练')).toBeInTheDocument();
    expect(screen.getAllByText('r-20260301').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('91.2%')).toBeInTheDocument();
    expect(screen.getByText('60%')).toBeInTheDocument();
    // 训练样本, and the same number in the history's first row.
    expect(screen.getAllByText('1480')).toHaveLength(2);
    expect(screen.getByText('这一版的变化')).toBeInTheDocument();
    expect(screen.getByText('80.0% → 90.0%（提高 10.0 个百分点）')).toBeInTheDocument();
    const kept = screen.getByText('新模型更准，已采用').closest('tr') as HTMLElement;
    expect(within(kept).getByText('88.7% → 91.2%')).toBeInTheDocument();
    expect(within(kept).getByText('已采用')).toBeInTheDocument();
    const rejected = screen.getByText('新模型不如原模型，未采用').closest('tr') as HTMLElement;
    expect(within(rejected).getByText('r-20260222')).toBeInTheDocument();
    expect(within(rejected).getByText('未采用')).toBeInTheDocument();
    // A kept version opens its per-category changes.
    fireEvent.click(within(kept).getByRole('button', { name: /展开|Expand/ }));
    expect(screen.getAllByText('80.0% → 90.0%（提高 10.0 个百分点）')).toHaveLength(2);
  });

  it('says so when nothing has been retrained yet, and when no model is loaded', async () => {
    jest
      .spyOn(modelApi, 'info')
      .mockResolvedValue({ ...info, version: null, trainedAt: null, source: 'none', changes: [], history: [] });
    render(<RoutingModelCard />);
    expect(await screen.findByText(/还没有重新训练过/)).toBeInTheDocument();
    expect(screen.getByText(/没有加载分类模型/)).toBeInTheDocument();
    expect(screen.queryByText('这一版的变化')).not.toBeInTheDocument();
  });

  it('shows the server error in words', async () => {
    jest.spyOn(modelApi, 'info').mockRejectedValue(new Error('没有权限'));
    render(<RoutingModelCard />);
    expect(await screen.findByText('分派模型信息加载失败：没有权限')).toBeInTheDocument();
  });

  it('writes accuracy and its change in words', () => {
    expect(accuracyText(null)).toBe('样本不足');
    expect(accuracyText(0.8766)).toBe('87.7%');
    expect(changeText({ before: null, after: 0.5 })).toBe('50.0%（新增）');
    expect(changeText({ before: 0.9, after: 0.85 })).toBe('90.0% → 85.0%（下降 5.0 个百分点）');
    expect(changeText({ before: 0.7, after: 0.7 })).toBe('70.0% → 70.0%（持平）');
  });
});

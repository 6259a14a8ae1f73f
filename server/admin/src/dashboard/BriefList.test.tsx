import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { WeeklyBriefList } from '@minqing/shared';
import { formatTime } from '../queue/format';
import { BriefList } from './BriefList';

const LIST: WeeklyBriefList = {
  regionCode: '610921100',
  regionName: '城关镇',
  items: [
    {
      week: '2026-04-13',
      from: '2026-04-13',
      to: '2026-04-19',
      regionCode: '610921100',
      regionName: '城关镇',
      generatedAt: '2026-04-19T16:30:00.000Z',
    },
    {
      week: '2026-04-06',
      from: '2026-04-06',
      to: '2026-04-12',
      regionCode: '610921100',
      regionName: '城关镇',
      generatedAt: '2026-04-12T16:30:00.000Z',
    },
  ],
};

describe('BriefList (研判简报)', () => {
  it('lists the weeks newest first and downloads the brief of a row', async () => {
    const download = jest.fn().mockResolvedValue('研判简报.xlsx');
    render(<BriefList api={{ briefs: jest.fn().mockResolvedValue(LIST) }} download={download} />);
    expect(await screen.findByText('研判简报 · 城关镇')).toBeInTheDocument();
    const weeks = screen.getAllByText(/^2026-04-\d\d 至 2026-04-\d\d$/).map((cell) => cell.textContent);
    expect(weeks).toEqual(['2026-04-13 至 2026-04-19', '2026-04-06 至 2026-04-12']);
    // Shown in the browser's time zone, as every time in the panel.
    expect(screen.getByText(formatTime('2026-04-19T16:30:00.000Z'))).toBeInTheDocument();
    fireEvent.click(screen.getAllByText('下载 Excel')[1]);
    expect(download).toHaveBeenCalledWith(
      '/staff/briefs/2026-04-06.xlsx?regionCode=610921100',
      '研判简报-城关镇-2026-04-06.xlsx',
    );
    await waitFor(() => expect(screen.getAllByText('下载 Excel')).toHaveLength(2));
  });

  it('says when there is no brief yet', async () => {
    render(<BriefList api={{ briefs: jest.fn().mockResolvedValue({ ...LIST, items: [] }) }} />);
    expect(await screen.findByText('还没有研判简报，下周一生成第一份')).toBeInTheDocument();
  });

  it("shows the server's message when the list cannot be read", async () => {
    render(<BriefList api={{ briefs: jest.fn().mockRejectedValue(new Error('网络不通，请稍后再试')) }} />);
    expect(await screen.findByText('网络不通，请稍后再试')).toBeInTheDocument();
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ModerationItem } from '@minqing/shared';
import { ApiError } from '../api';
import { ModerationPanel, verdictTag } from './ModerationPanel';

const reportId = '01J0000000000000000000000R';
const held = (overrides: Partial<ModerationItem> = {}): ModerationItem => ({
  id: '01J000000000000000000000C1',
  field: 'text',
  fieldName: '反映内容',
  status: 'review',
  label: 20006,
  moderation: 'held',
  report: { id: reportId, serialNo: 'HY20260101-0001' },
  text: '路灯坏了，有人骂街',
  attachmentUrl: null,
  createdAt: '2026-01-01T02:00:00.000Z',
  moderatedAt: null,
  ...overrides,
});

describe('content moderation in the report drawer', () => {
  it("shows held content with WeChat's verdict and releases it after confirmation", async () => {
    const decide = jest.fn().mockResolvedValue(held({ moderation: 'released' }));
    render(<ModerationPanel reportId={reportId} load={jest.fn().mockResolvedValue([held()])} decide={decide} />);
    expect(await screen.findByText('路灯坏了，有人骂街')).toBeInTheDocument();
    expect(screen.getByText('待人工审核')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /^放\s*行$/ }));
    expect(decide).not.toHaveBeenCalled();
    // The Popconfirm's own confirm button.
    fireEvent.click(screen.getAllByRole('button', { name: /^放\s*行$/ }).at(-1)!);
    await waitFor(() => expect(decide).toHaveBeenCalledWith(held().id, 'release'));
    await waitFor(() => expect(screen.queryByText('路灯坏了，有人骂街')).not.toBeInTheDocument());
  });

  it('shows nothing when nothing is held, and the server message on failures', async () => {
    const { container, unmount } = render(
      <ModerationPanel reportId={reportId} load={jest.fn().mockResolvedValue([])} />,
    );
    await waitFor(() => expect(container).toBeEmptyDOMElement());
    unmount();
    render(
      <ModerationPanel
        reportId={reportId}
        load={jest.fn().mockRejectedValue(new ApiError(500, 'internal_error', '服务器开小差了'))}
      />,
    );
    expect(await screen.findByText('服务器开小差了')).toBeInTheDocument();
  });

  it('names the verdicts', () => {
    expect(verdictTag({ status: 'risky' }).text).toBe('疑似违规');
    expect(verdictTag({ status: 'unchecked' }).text).toBe('微信无法检测');
    expect(verdictTag({ status: 'review' }).text).toBe('待人工审核');
  });
});

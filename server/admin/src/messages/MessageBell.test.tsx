import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Message, MessagePage } from '@minqing/shared';
import { MessageBell } from './MessageBell';

const REPORT = '01J0000000000000000000000R';
const message = (overrides: Partial<Message>): Message => ({
  id: '01J000000000000000000000M1',
  kind: 'deadline_reminder',
  title: '催办：HY20260101-0001',
  body: '事项 HY20260101-0001 将于 2026-01-03 18:00 到期，请抓紧办理。',
  reportId: REPORT,
  noticeId: null,
  articleId: null,
  createdAt: '2026-01-02T02:00:00.000Z',
  readAt: null,
  ...overrides,
});
const PAGE: MessagePage = {
  items: [
    message({}),
    message({
      id: '01J000000000000000000000M2',
      kind: 'report_escalated',
      title: '督办：HY20260101-0002',
      readAt: '2026-01-02T03:00:00.000Z',
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 20,
  unread: 1,
};

describe('the message centre', () => {
  it('shows the unread count on the bell and lists 催办 and 督办', async () => {
    render(<MessageBell onOpenReport={() => {}} load={jest.fn().mockResolvedValue(PAGE)} markRead={jest.fn()} />);
    const bell = await screen.findByRole('button', { name: '消息中心，1 条未读' });
    fireEvent.click(bell);
    expect(await screen.findByText('催办：HY20260101-0001')).toBeInTheDocument();
    expect(screen.getByText('督办：HY20260101-0002')).toBeInTheDocument();
    expect(screen.getByText('催办', { selector: '.ant-tag' })).toBeInTheDocument();
    expect(screen.getByText('督办', { selector: '.ant-tag' })).toBeInTheDocument();
  });

  it('marks a message read and opens its report', async () => {
    const markRead = jest.fn().mockResolvedValue({});
    const onOpenReport = jest.fn();
    render(<MessageBell onOpenReport={onOpenReport} load={jest.fn().mockResolvedValue(PAGE)} markRead={markRead} />);
    fireEvent.click(await screen.findByRole('button', { name: '消息中心，1 条未读' }));
    fireEvent.click(await screen.findByText('催办：HY20260101-0001'));
    await waitFor(() => expect(onOpenReport).toHaveBeenCalledWith(REPORT));
    expect(markRead).toHaveBeenCalledWith('01J000000000000000000000M1');
    expect(screen.getByRole('button', { name: '消息中心' })).toBeInTheDocument();
  });

  it('does not mark again what was read', async () => {
    const markRead = jest.fn();
    const onOpenReport = jest.fn();
    render(<MessageBell onOpenReport={onOpenReport} load={jest.fn().mockResolvedValue(PAGE)} markRead={markRead} />);
    fireEvent.click(await screen.findByRole('button', { name: /消息中心/ }));
    fireEvent.click(await screen.findByText('督办：HY20260101-0002'));
    await waitFor(() => expect(onOpenReport).toHaveBeenCalledWith(REPORT));
    expect(markRead).not.toHaveBeenCalled();
  });

  it('says when there are no messages', async () => {
    render(
      <MessageBell
        onOpenReport={null}
        load={jest.fn().mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 20, unread: 0 })}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: '消息中心' }));
    expect(await screen.findByText('暂无消息')).toBeInTheDocument();
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportNote } from '@minqing/shared';
import { ReportNotes } from './ReportNotes';

const reportId = '01J0000000000000000000000R';
const note = (body: string, id = '01J000000000000000000000N1'): ReportNote => ({
  id,
  body,
  author: { id: '01J000000000000000000000S1', name: '王调度', departmentName: null },
  createdAt: '2026-01-01T02:00:00.000Z',
});

describe('internal notes', () => {
  it('lists the notes, checks a new one before sending and appends what the server saved', async () => {
    const load = jest.fn().mockResolvedValue([note('已电话联系村支书')]);
    const add = jest.fn().mockResolvedValue(note('明早到现场', '01J000000000000000000000N2'));
    render(<ReportNotes reportId={reportId} load={load} add={add} />);
    expect(await screen.findByText('已电话联系村支书')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /添加备注/ }));
    expect(await screen.findByText('请填写备注内容')).toBeInTheDocument();
    expect(add).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('新备注'), { target: { value: ' 明早到现场 ' } });
    fireEvent.click(screen.getByRole('button', { name: /添加备注/ }));
    await waitFor(() => expect(add).toHaveBeenCalledWith(reportId, '明早到现场'));
    expect(await screen.findByText('明早到现场')).toBeInTheDocument();
    expect(screen.getByLabelText('新备注')).toHaveValue('');
  });

  it('shows an empty state, and the server message when loading fails', async () => {
    const { unmount } = render(
      <ReportNotes reportId={reportId} load={jest.fn().mockResolvedValue([])} add={jest.fn()} />,
    );
    expect(await screen.findByText('暂无内部备注')).toBeInTheDocument();
    unmount();
    render(
      <ReportNotes
        reportId={reportId}
        load={jest.fn().mockRejectedValue(new Error('该事项不在您的管辖范围内'))}
        add={jest.fn()}
      />,
    );
    expect(await screen.findByText('该事项不在您的管辖范围内')).toBeInTheDocument();
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ReporterContact } from './ReporterContact';

const reportId = '01J0000000000000000000000R';
const reporter = { nickname: '李婶', phone: '138****5678' };

function openConfirmation() {
  fireEvent.click(screen.getByRole('button', { name: '查看完整号码' }));
}

describe('reporter contact unmasking', () => {
  it('asks for confirmation, saying the view is recorded, before revealing anything', async () => {
    const reveal = jest.fn().mockResolvedValue({ nickname: '李婶', phone: '13812345678', source: 'report' });
    render(<ReporterContact reportId={reportId} reporter={reporter} reveal={reveal} />);
    expect(screen.getByText('138****5678')).toBeInTheDocument();
    openConfirmation();
    expect(await screen.findByText('本次查看将被记录')).toBeInTheDocument();
    expect(reveal).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: /确认查看/ }));
    expect(await screen.findByText('请填写查看原因（至少2个字）')).toBeInTheDocument();
    expect(reveal).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('查看原因'), { target: { value: ' 电话回访核实 ' } });
    fireEvent.click(screen.getByRole('button', { name: /确认查看/ }));
    await waitFor(() => expect(reveal).toHaveBeenCalledWith(reportId, '电话回访核实'));
    expect(await screen.findByText('13812345678')).toHaveAttribute('href', 'tel:13812345678');
    expect(screen.getByText('本次查看已记录')).toBeInTheDocument();
  });

  it('reveals nothing when cancelled', async () => {
    const reveal = jest.fn();
    render(<ReporterContact reportId={reportId} reporter={reporter} reveal={reveal} />);
    openConfirmation();
    fireEvent.change(await screen.findByLabelText('查看原因'), { target: { value: '回访' } });
    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }));
    expect(reveal).not.toHaveBeenCalled();
    expect(screen.queryByText('13812345678')).not.toBeInTheDocument();
  });

  it("shows the server's refusal and keeps the number masked", async () => {
    const { ApiError } = jest.requireActual<typeof import('../api')>('../api');
    const reveal = jest.fn().mockRejectedValue(new ApiError(403, 'forbidden', '该事项不在您的管辖范围内'));
    render(<ReporterContact reportId={reportId} reporter={reporter} reveal={reveal} />);
    openConfirmation();
    fireEvent.change(await screen.findByLabelText('查看原因'), { target: { value: '回访核实' } });
    fireEvent.click(screen.getByRole('button', { name: /确认查看/ }));
    expect(await screen.findByText('该事项不在您的管辖范围内')).toBeInTheDocument();
    expect(screen.getByText('138****5678')).toBeInTheDocument();
  });

  it('offers no button for an anonymous report or a reporter without a phone', () => {
    const { unmount } = render(<ReporterContact reportId={reportId} reporter={null} />);
    expect(screen.getByText(/匿名举报/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '查看完整号码' })).not.toBeInTheDocument();
    unmount();
    render(<ReporterContact reportId={reportId} reporter={{ nickname: null, phone: null }} />);
    expect(screen.getByText('未留电话')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '查看完整号码' })).not.toBeInTheDocument();
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ExportButton } from './ExportButton';

describe('ExportButton', () => {
  it('shows progress while the file downloads and cannot be pressed twice', async () => {
    let finish: (name: string) => void = () => {};
    const download = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    render(<ExportButton path="/staff/reports/export?tab=overdue" fallbackName="工单导出.xlsx" download={download} />);
    fireEvent.click(screen.getByText('导出 Excel'));
    expect(download).toHaveBeenCalledWith('/staff/reports/export?tab=overdue', '工单导出.xlsx');
    expect(await screen.findByText('正在导出…')).toBeInTheDocument();
    expect(screen.getByText('正在导出…').closest('button')).toHaveClass('ant-btn-loading');
    finish('工单导出.xlsx');
    expect(await screen.findByText('导出 Excel')).toBeInTheDocument();
  });

  it("shows the server's message when the export is refused", async () => {
    const download = jest.fn().mockRejectedValue(new Error('符合条件的事项有 6000 件，超过单次导出上限 5000 件'));
    render(<ExportButton path="/staff/reports/export" fallbackName="工单导出.xlsx" download={download} />);
    fireEvent.click(screen.getByText('导出 Excel'));
    expect(await screen.findByText('符合条件的事项有 6000 件，超过单次导出上限 5000 件')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('导出 Excel').closest('button')).not.toHaveClass('ant-btn-loading'));
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ActionModal } from './ActionModal';
import { buildActionRequest } from './actionForm';

const report = { id: '01J0000000000000000000000R', serialNo: 'HY20260101-0001', suggestions: [] };
const departments = [
  { id: '01J0000000000000000000000D', name: '城关镇供电所', level: 'township' as const, regionCode: '610921100' },
];

function open(action: 'return' | 'assign' | 'sign', submit: jest.Mock) {
  render(
    <ActionModal
      report={report}
      action={action}
      departments={departments}
      categories={[]}
      onDone={() => {}}
      onCancel={() => {}}
      submit={submit}
    />,
  );
}

describe('action form validation', () => {
  it('refuses a return without a reason before any request', async () => {
    const submit = jest.fn();
    open('return', submit);
    fireEvent.click(screen.getByRole('button', { name: /确认退单/ }));
    expect(await screen.findByText('请填写退单原因')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('请填写退单原因'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: /确认退单/ }));
    await waitFor(() => expect(screen.getByText('请填写退单原因')).toBeInTheDocument());
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends a return with its reason', async () => {
    const submit = jest.fn().mockResolvedValue({});
    open('return', submit);
    fireEvent.change(screen.getByPlaceholderText('请填写退单原因'), { target: { value: ' 不属于本部门职责 ' } });
    fireEvent.click(screen.getByRole('button', { name: /确认退单/ }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith(report.id, { action: 'return', note: '不属于本部门职责' }));
  });

  it('shows the server field error in place', async () => {
    const { ApiError } = jest.requireActual<typeof import('../api')>('../api');
    const submit = jest.fn().mockRejectedValue(new ApiError(400, 'bad_request', '说明内容不符合要求', 'note'));
    open('return', submit);
    fireEvent.change(screen.getByPlaceholderText('请填写退单原因'), { target: { value: '原因' } });
    fireEvent.click(screen.getByRole('button', { name: /确认退单/ }));
    expect(await screen.findByText('说明内容不符合要求')).toBeInTheDocument();
  });

  it('needs a department to dispatch, the category being optional', () => {
    expect(buildActionRequest('assign', {})).toEqual({
      ok: false,
      errors: [{ field: 'departmentId', message: '请选择承办部门' }],
    });
    expect(buildActionRequest('assign', { departmentId: departments[0].id })).toEqual({
      ok: true,
      request: { action: 'assign', departmentId: departments[0].id },
    });
    expect(buildActionRequest('sign', {})).toEqual({ ok: true, request: { action: 'sign' } });
    expect(buildActionRequest('reject', { note: '' })).toMatchObject({
      ok: false,
      errors: [{ field: 'note', message: '请填写不予受理原因' }],
    });
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../api';
import { ActionModal } from './ActionModal';
import { MergeTargetPicker } from './MergeTargetPicker';
import { PhotoUploader } from './PhotoUploader';
import { buildActionRequest } from './actionForm';
import type { SupportedAction } from './actionForm';

const HERE = '01J0000000000000000000000D';
const OTHER = '01J0000000000000000000000E';
const TARGET = '01J0000000000000000000000T';
const report = {
  id: '01J0000000000000000000000R',
  serialNo: 'HY20260101-0001',
  suggestions: [],
  excerpt: '村口路灯不亮',
  status: 'dispatched' as const,
  department: { id: HERE, name: '城关镇供电所' },
};
const departments = [
  { id: HERE, name: '城关镇供电所', level: 'township' as const, regionCode: '610921100' },
  { id: OTHER, name: '县农业农村局', level: 'county' as const, regionCode: '610921' },
];

function open(action: SupportedAction, submit: jest.Mock) {
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

const ok = (name: RegExp) => screen.getByRole('button', { name });

describe('the remaining actions', () => {
  afterEach(() => jest.restoreAllMocks());

  it('transfers only to another department, after a second confirmation', async () => {
    const submit = jest.fn().mockResolvedValue({});
    open('transfer', submit);
    fireEvent.click(ok(/确认转派/));
    expect(await screen.findByText('请选择转派到的部门')).toBeInTheDocument();
    fireEvent.mouseDown(screen.getByRole('combobox'));
    // The department holding the report is not offered.
    expect(screen.queryAllByText('城关镇供电所').filter((node) => node.closest('.ant-select-item'))).toHaveLength(0);
    fireEvent.click(await screen.findByText('县农业农村局'));
    fireEvent.click(ok(/确认转派/));
    expect(await screen.findByText(/请再次确认：转派后本部门不再办理/)).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
    fireEvent.click(ok(/确定转派，不可撤销/));
    await waitFor(() => expect(submit).toHaveBeenCalledWith(report.id, { action: 'transfer', departmentId: OTHER }));
  });

  it('asks for days and a reason before requesting an extension', async () => {
    const submit = jest.fn().mockResolvedValue({});
    open('request_extension', submit);
    fireEvent.click(ok(/确认申请延期/));
    expect(await screen.findByText(/请填写延期天数/)).toBeInTheDocument();
    expect(screen.getByText('请填写延期理由')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('天数'), { target: { value: '5' } });
    fireEvent.change(screen.getByPlaceholderText('请填写延期理由'), { target: { value: '需要更换变压器' } });
    fireEvent.click(ok(/确认申请延期/));
    await waitFor(() =>
      expect(submit).toHaveBeenCalledWith(report.id, {
        action: 'request_extension',
        note: '需要更换变压器',
        extensionDays: 5,
      }),
    );
  });

  it('refuses an extension only with a reason, and approves without one', () => {
    expect(buildActionRequest('refuse_extension', {})).toEqual({
      ok: false,
      errors: [{ field: 'note', message: '请填写不同意理由' }],
    });
    expect(buildActionRequest('approve_extension', {})).toEqual({ ok: true, request: { action: 'approve_extension' } });
    expect(buildActionRequest('request_extension', { note: '原因', extensionDays: 99 })).toMatchObject({
      ok: false,
      errors: [{ field: 'extensionDays' }],
    });
  });

  it('merges into a report found by serial number, shown beside this one, after a second confirmation', async () => {
    const submit = jest.fn().mockResolvedValue({});
    const lookup = jest.spyOn(api, 'queue').mockResolvedValue({
      items: [{ id: TARGET, serialNo: 'HY20251231-0009', excerpt: '路灯坏了好几天', status: 'accepted' } as never],
      total: 1,
      page: 1,
      pageSize: 1,
    });
    open('merge', submit);
    fireEvent.click(ok(/确认合并/));
    expect(await screen.findByText('请先按编号找到要合并到的事项')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText(/目标事项编号/), { target: { value: ' hy20251231-0009 ' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*找/ }));
    expect(await screen.findByText('路灯坏了好几天')).toBeInTheDocument();
    expect(screen.getByText('村口路灯不亮')).toBeInTheDocument();
    expect(new URLSearchParams(lookup.mock.calls[0][0]).get('serialNo')).toBe('HY20251231-0009');
    fireEvent.click(ok(/确认合并/));
    expect(await screen.findByText(/合并后本事项即关闭/)).toBeInTheDocument();
    fireEvent.click(ok(/确定合并，不可撤销/));
    await waitFor(() => expect(submit).toHaveBeenCalledWith(report.id, { action: 'merge', targetReportId: TARGET }));
  });

  it('sends a resolution with the uploaded photos', () => {
    expect(buildActionRequest('resolve', { note: ' 已修复 ', photoUploadIds: [TARGET] })).toEqual({
      ok: true,
      request: { action: 'resolve', note: '已修复', photoUploadIds: [TARGET] },
    });
    expect(buildActionRequest('resolve', { note: '已修复', photoUploadIds: [] })).toEqual({
      ok: true,
      request: { action: 'resolve', note: '已修复' },
    });
  });

  it('settles on the spot only with a photo', () => {
    expect(buildActionRequest('resolve_on_spot', { note: '已扶正', photoUploadIds: [TARGET] })).toEqual({
      ok: true,
      request: { action: 'resolve_on_spot', note: '已扶正', photoUploadIds: [TARGET] },
    });
    expect(buildActionRequest('resolve_on_spot', { note: '已扶正' })).toEqual({
      ok: false,
      errors: [{ field: 'photoUploadIds', message: '请拍照记录办理结果' }],
    });
  });
});

describe('merge target lookup', () => {
  const source = { id: report.id, serialNo: report.serialNo, excerpt: report.excerpt, status: report.status };

  it('refuses this report itself, closed reports and unknown numbers', async () => {
    const onChange = jest.fn();
    const lookup = jest
      .fn()
      .mockResolvedValueOnce({ ...source })
      .mockResolvedValueOnce({ id: TARGET, serialNo: 'HY1', excerpt: '旧事', status: 'closed' })
      .mockResolvedValueOnce(null);
    render(<MergeTargetPicker source={source} onChange={onChange} lookup={lookup} />);
    const search = (value: string) => {
      fireEvent.change(screen.getByPlaceholderText(/目标事项编号/), { target: { value } });
      fireEvent.click(screen.getByRole('button', { name: /查\s*找/ }));
    };
    search(report.serialNo);
    expect(await screen.findByText('不能合并到自身')).toBeInTheDocument();
    search('HY1');
    expect(await screen.findByText(/只能合并到仍在办理中的事项/)).toBeInTheDocument();
    search('HY2');
    expect(await screen.findByText(/没有找到编号为 HY2 的事项/)).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalledWith(expect.any(String));
  });
});

describe('result photos', () => {
  it('reports the ids of finished uploads only', async () => {
    // jsdom has no object URLs; antd previews each chosen picture with one.
    URL.createObjectURL = jest.fn(() => 'blob:photo');
    const onChange = jest.fn();
    const upload = jest.fn().mockResolvedValue({
      id: TARGET,
      kind: 'photo',
      contentType: 'image/jpeg',
      size: 10,
      durationSeconds: null,
      url: '/x',
    });
    const { container } = render(<PhotoUploader onChange={onChange} upload={upload} />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['jpeg'], 'fixed.jpg', { type: 'image/jpeg' })] } });
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith([TARGET]));
    expect(upload).toHaveBeenCalledTimes(1);
    // While the photo was still uploading it did not count.
    expect(onChange).toHaveBeenNthCalledWith(1, []);
  });
});

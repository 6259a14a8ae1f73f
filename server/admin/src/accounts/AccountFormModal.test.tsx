import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Department, RegionNode, StaffAccount, StaffMe } from '@minqing/shared';
import { staffMe } from '../../test/staff';
import { ApiError } from '../api';
import { AccountFormModal } from './AccountFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';

const manager = staffMe();
const regions: RegionNode[] = [
  {
    code: '610921',
    name: '汉阴县',
    level: 'county',
    children: [{ code: '610921100', name: '城关镇', level: 'township', children: [] }],
  },
];
const power: Department = {
  id: '01J000000000000000000000D1',
  name: '城关镇供电所',
  level: 'township',
  regionCode: '610921100',
};
const handler: StaffAccount = {
  id: '01J000000000000000000000A1',
  username: 'zhang',
  name: '张伟',
  role: 'handler',
  regionCode: '610921100',
  regionName: '城关镇',
  departmentId: power.id,
  departmentName: power.name,
  disabled: false,
  lockedUntil: null,
  mustChangePassword: false,
  wechatBound: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  allowedActions: ['edit', 'disable', 'reset_password'],
};

function edit(props: { update?: jest.Mock; onDone?: jest.Mock; account?: StaffAccount; staff?: StaffMe }) {
  render(
    <AccountFormModal
      manager={props.staff ?? manager}
      account={props.account ?? handler}
      regions={regions}
      departments={[power]}
      onDone={props.onDone ?? jest.fn()}
      onCancel={() => {}}
      update={props.update ?? jest.fn()}
      create={jest.fn()}
    />,
  );
}

describe('the account form', () => {
  it('sends only the changed name when editing', async () => {
    const updated = { ...handler, name: '张伟伟' };
    const update = jest.fn().mockResolvedValue(updated);
    const onDone = jest.fn();
    edit({ update, onDone });
    fireEvent.change(screen.getByPlaceholderText('请输入姓名'), { target: { value: ' 张伟伟 ' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(update).toHaveBeenCalledWith(handler.id, { name: '张伟伟' }));
    expect(onDone).toHaveBeenCalledWith(updated, null);
  });

  it("shows the server's field error in place", async () => {
    const update = jest
      .fn()
      .mockRejectedValue(new ApiError(400, 'bad_request', '该部门不负责所选地区', 'departmentId'));
    edit({ update });
    fireEvent.change(screen.getByPlaceholderText('请输入姓名'), { target: { value: '张三' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('该部门不负责所选地区')).toBeInTheDocument();
  });

  it('refuses an empty name before any request', async () => {
    const update = jest.fn();
    edit({ update });
    fireEvent.change(screen.getByPlaceholderText('请输入姓名'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('请输入姓名', { selector: '.ant-form-item-explain-error' })).toBeInTheDocument();
    expect(update).not.toHaveBeenCalled();
  });

  it('lets a manager editing itself change only the name', () => {
    const self: StaffAccount = {
      ...handler,
      id: manager.id,
      username: 'admin',
      role: 'sysadmin',
      regionCode: '610921',
      departmentId: null,
      departmentName: null,
    };
    edit({ account: self, staff: { ...manager, role: 'sysadmin' } });
    expect(screen.getByText('这是您自己的账号：只能修改姓名。')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('请输入姓名')).toBeEnabled();
    expect(document.querySelector('.ant-select-disabled')).not.toBeNull();
  });
});

describe('resetting a password', () => {
  it('asks the server to generate one by default', async () => {
    const submit = jest.fn().mockResolvedValue({ account: handler, generatedPassword: 'Xy7#abcdEFGH' });
    const onDone = jest.fn();
    render(<ResetPasswordModal account={handler} onDone={onDone} onCancel={() => {}} submit={submit} />);
    fireEvent.click(screen.getByRole('button', { name: /确认重置/ }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith(handler.id, undefined));
    expect(onDone).toHaveBeenCalledWith({ account: handler, generatedPassword: 'Xy7#abcdEFGH' });
  });

  it('checks a chosen password before sending it', async () => {
    const submit = jest.fn().mockResolvedValue({ account: handler, generatedPassword: null });
    render(<ResetPasswordModal account={handler} onDone={() => {}} onCancel={() => {}} submit={submit} />);
    fireEvent.click(screen.getByLabelText('手动设置'));
    fireEvent.change(await screen.findByPlaceholderText('请输入新密码'), { target: { value: 'zhang#2026A' } });
    fireEvent.click(screen.getByRole('button', { name: /确认重置/ }));
    expect(await screen.findByText('密码不能包含账号')).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByPlaceholderText('请输入新密码'), { target: { value: 'Reset#2026' } });
    fireEvent.click(screen.getByRole('button', { name: /确认重置/ }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith(handler.id, 'Reset#2026'));
  });
});

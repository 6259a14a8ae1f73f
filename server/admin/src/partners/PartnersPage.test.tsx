import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Partner } from '@minqing/shared';
import { staffMe } from '../../test/staff';
import { PartnersPage } from './PartnersPage';
import { partnersApi } from './partnersApi';

jest.mock('./partnersApi', () => ({ partnersApi: { list: jest.fn(), create: jest.fn(), revoke: jest.fn() } }));
const api = partnersApi as jest.Mocked<typeof partnersApi>;

const county = staffMe();
const partner = (overrides: Partial<Partner> = {}): Partner => ({
  id: '01J000000000000000000000P1',
  name: '汉阴县12345热线',
  keyPrefix: 'mq311_AbCd',
  createdAt: '2026-11-20T02:00:00.000Z',
  createdBy: '陈静',
  revokedAt: null,
  reportsFiled: 3,
  ...overrides,
});

describe('合作方', () => {
  beforeEach(() => jest.resetAllMocks());

  it('lists partners with their key prefix, never a key', async () => {
    api.list.mockResolvedValue([
      partner(),
      partner({ id: '01J000000000000000000000P2', name: '旧系统', revokedAt: '2026-11-21T02:00:00.000Z' }),
    ]);
    render(<PartnersPage staff={county} query={new URLSearchParams()} />);
    expect(await screen.findByText('汉阴县12345热线')).toBeInTheDocument();
    expect(screen.getAllByText('mq311_AbCd…')).toHaveLength(2);
    expect(screen.getByText('有效')).toBeInTheDocument();
    expect(screen.getByText(/^已吊销/)).toBeInTheDocument();
    // Only the valid key can be revoked.
    expect(screen.getAllByText('吊销密钥')).toHaveLength(1);
  });

  it('issues a key and shows it once', async () => {
    api.list.mockResolvedValueOnce([]);
    api.list.mockResolvedValueOnce([partner()]);
    api.create.mockResolvedValue({ partner: partner(), apiKey: 'mq311_AbCdEfGhIjKlMnOpQrStUvWxYz012345' });
    render(<PartnersPage staff={county} query={new URLSearchParams()} />);
    expect(await screen.findByText('还没有合作方。点「新增合作方」为对接的系统发放接口密钥。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('新增合作方').closest('button')!);
    fireEvent.change(await screen.findByPlaceholderText('如：汉阴县 12345 热线平台'), {
      target: { value: '汉阴县12345热线' },
    });
    fireEvent.click(screen.getByText(/^发放密钥$/).closest('button')!);
    await waitFor(() => expect(api.create).toHaveBeenCalledWith({ name: '汉阴县12345热线' }));
    expect(await screen.findByTestId('issued-key')).toHaveTextContent('mq311_AbCdEfGhIjKlMnOpQrStUvWxYz012345');
    expect(screen.getByText(/密钥只显示这一次/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('我已妥善保存').closest('button')!);
    await waitFor(() => expect(screen.queryByTestId('issued-key')).not.toBeInTheDocument());
  });

  it('asks for a name before issuing', async () => {
    api.list.mockResolvedValue([]);
    render(<PartnersPage staff={county} query={new URLSearchParams()} />);
    fireEvent.click((await screen.findByText('新增合作方')).closest('button')!);
    fireEvent.click((await screen.findByText(/^发放密钥$/)).closest('button')!);
    expect(await screen.findByText('请填写合作方名称')).toBeInTheDocument();
    expect(api.create).not.toHaveBeenCalled();
  });

  it('revokes a key only after the confirmation', async () => {
    api.list.mockResolvedValueOnce([partner()]);
    api.list.mockResolvedValueOnce([partner({ revokedAt: '2026-11-21T02:00:00.000Z' })]);
    api.revoke.mockResolvedValue(partner({ revokedAt: '2026-11-21T02:00:00.000Z' }));
    render(<PartnersPage staff={county} query={new URLSearchParams()} />);
    fireEvent.click((await screen.findByText('吊销密钥')).closest('button')!);
    const confirm = await screen.findByText('吊销「汉阴县12345热线」的密钥？');
    expect(api.revoke).not.toHaveBeenCalled();
    fireEvent.click(
      within(confirm.closest('.ant-popover') as HTMLElement)
        .getByText(/^吊 ?销$/)
        .closest('button')!,
    );
    await waitFor(() => expect(api.revoke).toHaveBeenCalledWith('01J000000000000000000000P1'));
    expect(await screen.findByText(/^已吊销/)).toBeInTheDocument();
  });

  it('says so when the list cannot be loaded', async () => {
    api.list.mockRejectedValueOnce(new Error('网络连接失败'));
    api.list.mockResolvedValueOnce([partner()]);
    render(<PartnersPage staff={county} query={new URLSearchParams()} />);
    expect(await screen.findByText('网络连接失败')).toBeInTheDocument();
    fireEvent.click(screen.getByText(/^重 ?试$/).closest('button')!);
    expect(await screen.findByText('汉阴县12345热线')).toBeInTheDocument();
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Payout, PayoutSettings, StaffMe } from '@minqing/shared';
import { Modal } from 'antd';
import { PayoutsPage } from './PayoutsPage';
import type { payoutsApi } from './payoutsApi';

const staff: StaffMe = {
  id: '01J000000000000000000000SC',
  username: 'county',
  name: '县指挥中心',
  role: 'county',
  regionCode: '610921',
  abilities: [],
};
const ON: PayoutSettings = { enabled: true, reason: null, maxPerPaymentFen: 50_000, maxPerMonthFen: 200_000 };
const OFF: PayoutSettings = {
  enabled: false,
  reason: '未配置微信支付商户（WECHATPAY_* 环境变量），现金奖励与补贴已关闭；积分功能不受影响',
  maxPerPaymentFen: 0,
  maxPerMonthFen: 0,
};

const payout = (overrides: Partial<Payout> = {}): Payout => ({
  id: '01J000000000000000000000PA',
  kind: 'reward',
  status: 'proposed',
  statusName: '待审批',
  amountFen: 20050,
  remark: '违法举报奖励',
  recipientName: '举报人',
  recipientPhone: null,
  reportSerialNo: 'HY20261122-0042',
  month: null,
  proposedBy: '城关镇民情管理员',
  approvedBy: null,
  note: null,
  createdAt: '2026-11-22T02:00:00.000Z',
  updatedAt: '2026-11-22T02:00:00.000Z',
  allowedActions: ['approve', 'reject'],
  ...overrides,
});

function fakeApi(settings: PayoutSettings, rows: Payout[] = [payout()]) {
  return {
    settings: jest.fn().mockResolvedValue(settings),
    list: jest.fn().mockResolvedValue({ items: rows, total: rows.length, page: 1, pageSize: 20 }),
    propose: jest.fn(),
    approve: jest.fn().mockResolvedValue(
      payout({
        status: 'wait_user_confirm',
        statusName: '待收款人确认',
        approvedBy: '县指挥中心',
        allowedActions: [],
      }),
    ),
    reject: jest
      .fn()
      .mockResolvedValue(payout({ status: 'rejected', statusName: '已驳回', note: '证据不足', allowedActions: [] })),
    findIllegalReport: jest.fn(),
  } satisfies typeof payoutsApi;
}

/** A button by its words; text queries, because *ByRole is very slow over antd's tables in jsdom. */
const button = (container: HTMLElement, words: RegExp | string) =>
  within(container).getByText(words).closest('button') as HTMLButtonElement;
const findButton = async (container: HTMLElement, words: RegExp | string) =>
  (await within(container).findByText(words)).closest('button') as HTMLButtonElement;

const findModal = () =>
  waitFor(() => {
    const modal = document.querySelector<HTMLElement>('.ant-modal');
    if (!modal) throw new Error('no dialog open');
    return modal;
  });

// Modal.confirm renders outside the tested tree: close what a test left open.
afterEach(() => Modal.destroyAll());

const renderPage = (api: ReturnType<typeof fakeApi>) =>
  render(<PayoutsPage staff={staff} query={new URLSearchParams()} api={api} />);

describe('奖励补贴', () => {
  it('without WeChat Pay shows the reason in a warning banner and switches the forms off', async () => {
    const api = fakeApi(OFF);
    renderPage(api);
    expect(await screen.findByText('现金奖励与补贴已关闭')).toBeInTheDocument();
    expect(screen.getByText(OFF.reason as string)).toBeInTheDocument();
    expect(button(document.body, '提出发放')).toBeDisabled();
    const row = (await screen.findByText('HY20261122-0042')).closest('tr') as HTMLElement;
    expect(button(row, /^批\s*准$/)).toBeDisabled();
  });

  it('lists payouts with the amount in 元 and filters by status', async () => {
    const api = fakeApi(ON);
    renderPage(api);
    const row = (await screen.findByText('HY20261122-0042')).closest('tr') as HTMLElement;
    expect(within(row).getByText('200.50')).toBeInTheDocument();
    expect(within(row).getByText('待审批')).toBeInTheDocument();
    expect(screen.queryByText('现金奖励与补贴已关闭')).not.toBeInTheDocument();
    expect(screen.getByText('单笔上限 500.00 元，每月上限 2000.00 元')).toBeInTheDocument();
    expect(button(document.body, '提出发放')).toBeEnabled();
    expect(api.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 });
  });

  it('offers 批准 and 驳回 only where the server allows them (not to the one who proposed)', async () => {
    const own = payout({ id: '01J000000000000000000000PB', reportSerialNo: 'HY20261122-0043', allowedActions: [] });
    renderPage(fakeApi(ON, [payout(), own]));
    const theirs = (await screen.findByText('HY20261122-0042')).closest('tr') as HTMLElement;
    expect(button(theirs, /^批\s*准$/)).toBeEnabled();
    const mine = screen.getByText('HY20261122-0043').closest('tr') as HTMLElement;
    expect(within(mine).getByText('待审批')).toBeInTheDocument();
    expect(within(mine).queryByText(/^批\s*准$/)).not.toBeInTheDocument();
    expect(within(mine).queryByText(/^驳\s*回$/)).not.toBeInTheDocument();
  });

  it('approves only after a confirmation that states the amount', async () => {
    const api = fakeApi(ON);
    renderPage(api);
    const row = (await screen.findByText('HY20261122-0042')).closest('tr') as HTMLElement;
    fireEvent.click(button(row, /^批\s*准$/));
    expect(await screen.findAllByText('批准发放 200.50 元？')).not.toHaveLength(0);
    expect(api.approve).not.toHaveBeenCalled();
    fireEvent.click(button(document.body, '批准并转账 200.50 元'));
    await waitFor(() => expect(api.approve).toHaveBeenCalledWith('01J000000000000000000000PA'));
    expect(await screen.findByText('待收款人确认')).toBeInTheDocument();
  });

  it('shows the server’s refusal when the proposer tries to approve', async () => {
    const api = fakeApi(ON);
    api.approve.mockRejectedValue(new Error('提出人不能批准自己提出的发放'));
    renderPage(api);
    const row = (await screen.findByText('HY20261122-0042')).closest('tr') as HTMLElement;
    fireEvent.click(button(row, /^批\s*准$/));
    fireEvent.click(await findButton(document.body, '批准并转账 200.50 元'));
    expect(await screen.findByText('提出人不能批准自己提出的发放')).toBeInTheDocument();
  });

  it('rejects with a reason', async () => {
    const api = fakeApi(ON);
    renderPage(api);
    const row = (await screen.findByText('HY20261122-0042')).closest('tr') as HTMLElement;
    fireEvent.click(button(row, /^驳\s*回$/));
    const dialog = await findModal();
    fireEvent.click(button(dialog, /^驳\s*回$/));
    expect(await within(dialog).findByText('请填写驳回原因')).toBeInTheDocument();
    expect(api.reject).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText('驳回原因'), { target: { value: '证据不足' } });
    fireEvent.click(button(dialog, /^驳\s*回$/));
    await waitFor(() => expect(api.reject).toHaveBeenCalledWith('01J000000000000000000000PA', '证据不足'));
    expect(await screen.findByText('已驳回')).toBeInTheDocument();
  });

  it('proposes a reward for the report found by its serial number, in fen', async () => {
    const api = fakeApi(ON, []);
    api.findIllegalReport.mockResolvedValue({
      id: '01J000000000000000000000RA',
      serialNo: 'HY20261122-0042',
      status: 'resolved',
      statusName: '已办结',
      serviceCode: 'illegal',
      villageCode: '610921100201',
      villageName: '五一村',
      excerpt: '有人在河道非法采砂',
      category: null,
      department: null,
      tier: 'general',
      submittedAt: '2026-11-22T02:00:00.000Z',
      responseDueAt: null,
      resolveDueAt: null,
      rating: null,
    });
    api.propose.mockResolvedValue(payout());
    renderPage(api);
    fireEvent.click(await findButton(document.body, '提出发放'));
    const dialog = await findModal();
    fireEvent.change(within(dialog).getByLabelText('举报编号'), { target: { value: 'HY20261122-0042' } });
    fireEvent.click(button(dialog, /^查\s*找$/));
    expect(await within(dialog).findByText('有人在河道非法采砂')).toBeInTheDocument();
    expect(api.findIllegalReport).toHaveBeenCalledWith('HY20261122-0042');
    fireEvent.change(within(dialog).getByLabelText('金额（元）'), { target: { value: '200.5' } });
    fireEvent.change(within(dialog).getByLabelText('转账说明（收款人可见）'), { target: { value: '违法举报奖励' } });
    fireEvent.click(button(dialog, '提交审批'));
    await waitFor(() =>
      expect(api.propose).toHaveBeenCalledWith({
        kind: 'reward',
        reportId: '01J000000000000000000000RA',
        amountFen: 20050,
        remark: '违法举报奖励',
      }),
    );
  });
});

import dayjs from 'dayjs';
import { buildProposal, fenToYuan, formFieldOf, yuanToFen } from './payoutForm';

const REPORT_ID = '01J000000000000000000000RA';
const limits = { maxPerPaymentFen: 50_000 };

describe('amounts in 元 and fen', () => {
  it('converts what staff type in 元 to fen exactly', () => {
    expect(yuanToFen('50')).toBe(5000);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen(0.1)).toBe(10);
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen(' 300.05 ')).toBe(30005);
  });

  it('refuses what is not a sum of money', () => {
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen(null)).toBeNull();
  });

  it('shows fen as 元 with two decimals', () => {
    expect(fenToYuan(5000)).toBe('50.00');
    expect(fenToYuan(29)).toBe('0.29');
  });
});

describe('the proposal form → POST /staff/payouts', () => {
  it('builds a reward for the chosen report in fen', () => {
    expect(
      buildProposal({ kind: 'reward', reportId: REPORT_ID, amountYuan: '200.5', remark: '违法举报奖励' }, limits),
    ).toEqual({
      ok: true,
      proposal: { kind: 'reward', reportId: REPORT_ID, amountFen: 20050, remark: '违法举报奖励' },
    });
  });

  it('builds a subsidy with the phone and the month', () => {
    const checked = buildProposal(
      {
        kind: 'subsidy',
        phone: ' 13912345678 ',
        month: dayjs('2026-10-15'),
        amountYuan: 300,
        remark: '10月网格员补贴',
      },
      limits,
    );
    expect(checked).toEqual({
      ok: true,
      proposal: { kind: 'subsidy', phone: '13912345678', month: '2026-10', amountFen: 30000, remark: '10月网格员补贴' },
    });
  });

  it('names the field at fault, in the form’s terms', () => {
    const noReport = buildProposal({ kind: 'reward', amountYuan: '10', remark: '奖励' }, limits);
    expect(noReport).toEqual({ ok: false, errors: [{ field: 'reportId', message: '请先查找并选定举报事项' }] });
    const subsidy = buildProposal(
      { kind: 'subsidy', phone: '123', month: null, amountYuan: '10', remark: '补贴' },
      limits,
    );
    expect(subsidy.ok).toBe(false);
    if (!subsidy.ok) {
      expect(subsidy.errors).toContainEqual({ field: 'phone', message: '请输入正确的手机号' });
      expect(subsidy.errors).toContainEqual({ field: 'month', message: '请选择月份' });
    }
    expect(buildProposal({ kind: 'reward', reportId: REPORT_ID, amountYuan: '0.05', remark: '奖励' }, limits)).toEqual({
      ok: false,
      errors: [{ field: 'amountYuan', message: '金额至少 0.10 元' }],
    });
    expect(formFieldOf('amountFen')).toBe('amountYuan');
  });

  it('refuses more than the per-payment limit before asking the server', () => {
    expect(
      buildProposal({ kind: 'reward', reportId: REPORT_ID, amountYuan: '500.01', remark: '奖励' }, limits),
    ).toEqual({
      ok: false,
      errors: [{ field: 'amountYuan', message: '单笔不能超过 500.00 元' }],
    });
    expect(buildProposal({ kind: 'reward', reportId: REPORT_ID, amountYuan: '500', remark: '奖励' }, limits).ok).toBe(
      true,
    );
  });
});

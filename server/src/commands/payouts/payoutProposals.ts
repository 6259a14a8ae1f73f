import { PAYOUT_KIND_NAMES } from '@minqing/shared';
import type { PayoutProposal } from '@minqing/shared';
import { In, type EntityManager } from 'typeorm';
import { recordAudit } from '../auditRecorder';
import type { AppDeps } from '../../context';
import { transaction } from '../../db/dataSource';
import { Citizen, PayoutRow, Report, type Staff } from '../../db/entities';
import { newId } from '../../db/ids';
import { isUniqueViolation } from '../../db/uniqueViolation';
import { localDateOf } from '../../deadlines/workingCalendar';
import { badRequest, conflict, forbidden, notConfigured, notFound } from '../../errors';
import { staffCanView } from '../../policies/report';
import { payoutDecisionRefusal } from '../../policies/payout';
import { isWithin } from '../../policies/scope';
import { movePayout } from './payoutSettlement';

const cashOff = () => notConfigured('未配置微信支付，现金奖励与补贴暂不可用');

/** Who the money goes to and what makes the payout unique, from the proposal. */
async function recipientOf(manager: EntityManager, deps: AppDeps, staff: Staff, proposal: PayoutProposal) {
  if (proposal.kind === 'reward') {
    const report = await manager.getRepository(Report).findOneBy({ id: proposal.reportId });
    if (!report || !staffCanView(staff, report)) throw badRequest('没有找到该举报事项', 'reportId');
    if (report.serviceCode !== 'illegal') throw badRequest('只有违法举报可以发放举报奖励', 'reportId');
    if (!['resolved', 'closed'].includes(report.status) || report.mergedIntoId)
      throw badRequest('举报经查实办结后才能发放奖励', 'reportId');
    if (!report.citizenId) throw badRequest('该举报由工作人员代报，举报人没有小程序账号，无法发放奖励', 'reportId');
    return {
      citizenId: report.citizenId,
      regionCode: report.villageCode,
      reportId: report.id,
      month: null,
      dedupeKey: `reward:${report.id}`,
    };
  }
  const citizen = await manager.getRepository(Citizen).findOneBy({ phoneHash: deps.cipher.lookupHash(proposal.phone) });
  if (!citizen?.villageCode)
    throw badRequest('没有找到绑定该手机号的小程序账号，请网格员先在小程序中绑定手机号', 'phone');
  if (!isWithin(citizen.villageCode, staff.regionCode)) throw forbidden('该网格员不在您的辖区');
  return {
    citizenId: citizen.id,
    regionCode: citizen.villageCode,
    reportId: null,
    month: proposal.month,
    dedupeKey: `subsidy:${citizen.id}:${proposal.month}`,
  };
}

const duplicateOf = (proposal: PayoutProposal) =>
  proposal.kind === 'reward'
    ? conflict('该举报已有一笔奖励', 'reportId')
    : conflict('该网格员本月补贴已经提出', 'month');

/** What the recipient has been promised this month (China time) in payouts that are not over unpaid. */
async function monthTotal(manager: EntityManager, citizenId: string, month: string): Promise<number> {
  const rows = await manager.getRepository(PayoutRow).find({
    select: ['amountFen', 'createdAt'],
    where: { citizenId, status: In(['proposed', 'sending', 'wait_user_confirm', 'processing', 'succeeded']) },
  });
  return rows
    .filter((row) => localDateOf(row.createdAt).startsWith(month))
    .reduce((sum, row) => sum + row.amountFen, 0);
}

/** 提出: a proposal within the limits; nothing is paid until someone else approves it. */
export function proposePayout(deps: AppDeps, staff: Staff, proposal: PayoutProposal, ip: string): Promise<PayoutRow> {
  const limits = deps.config.payoutLimits;
  if (!deps.config.wechatPay || !limits) throw cashOff();
  if (proposal.amountFen > limits.perPaymentFen)
    throw badRequest(`单笔金额不能超过 ${limits.perPaymentFen / 100} 元`, 'amountFen');
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    const recipient = await recipientOf(manager, deps, staff, proposal);
    if (await manager.getRepository(PayoutRow).exists({ where: { dedupeKey: recipient.dedupeKey } }))
      throw duplicateOf(proposal);
    const promised = await monthTotal(manager, recipient.citizenId, localDateOf(now).slice(0, 7));
    if (promised + proposal.amountFen > limits.perMonthFen) {
      throw badRequest(`收款人本月已有 ${promised / 100} 元，合计不能超过 ${limits.perMonthFen / 100} 元`, 'amountFen');
    }
    const payout = Object.assign(new PayoutRow(), {
      id: newId(),
      kind: proposal.kind,
      status: 'proposed' as const,
      amountFen: proposal.amountFen,
      remark: proposal.remark,
      ...recipient,
      proposedById: staff.id,
      approvedById: null,
      note: null,
      transferBillNo: null,
      packageInfo: null,
      createdAt: now,
      updatedAt: now,
      settledAt: null,
    });
    try {
      await manager.getRepository(PayoutRow).insert(payout);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateOf(proposal);
      throw error;
    }
    await movePayoutAudit(
      manager,
      staff,
      'payout.propose',
      payout,
      ip,
      `${PAYOUT_KIND_NAMES[payout.kind]} ${payout.amountFen}分`,
    );
    return payout;
  });
}

function movePayoutAudit(
  manager: EntityManager,
  staff: Staff,
  action: string,
  payout: PayoutRow,
  ip: string,
  detail?: string,
) {
  return recordAudit(manager, { staff, action, targetType: 'payout', targetId: payout.id, ip, detail });
}

/** The approver: someone other than the proposer, covering the payout's region. */
async function payoutForDecision(manager: EntityManager, staff: Staff, id: string): Promise<PayoutRow> {
  const payout = await manager.getRepository(PayoutRow).findOneBy({ id });
  if (!payout) throw notFound('没有找到该笔款项');
  const refusal = payoutDecisionRefusal(staff, payout);
  if (refusal) throw refusal.status === 403 ? forbidden(refusal.message) : conflict(refusal.message);
  return payout;
}

/** 审批: the payout is approved and marked as being sent; the transfer itself follows (sendPayout). */
export function approvePayout(deps: AppDeps, staff: Staff, id: string, ip: string): Promise<PayoutRow> {
  if (!deps.config.wechatPay) throw cashOff();
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    const payout = await payoutForDecision(manager, staff, id);
    if (
      !(await movePayout(manager, payout, 'sending', {
        source: 'staff',
        at: now,
        staffId: staff.id,
        changes: { approvedById: staff.id },
      }))
    ) {
      throw conflict('该款项已经处理过了');
    }
    await movePayoutAudit(manager, staff, 'payout.approve', payout, ip);
    return payout;
  });
}

export function rejectPayout(deps: AppDeps, staff: Staff, id: string, reason: string, ip: string): Promise<PayoutRow> {
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    const payout = await payoutForDecision(manager, staff, id);
    if (
      !(await movePayout(manager, payout, 'rejected', {
        source: 'staff',
        at: now,
        staffId: staff.id,
        detail: reason,
        changes: { note: reason },
      }))
    ) {
      throw conflict('该款项已经处理过了');
    }
    await movePayoutAudit(manager, staff, 'payout.reject', payout, ip, reason);
    return payout;
  });
}

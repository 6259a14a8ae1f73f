import { CASH_STAFF } from '../../policies/payout';
import Router from '@koa/router';
import { PayoutProposalSchema, PayoutQuerySchema, PayoutRejectionSchema } from '@minqing/shared';
import type { PayoutSettings } from '@minqing/shared';
import { In, Like } from 'typeorm';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Citizen, PayoutRow, Report, Staff } from '../../db/entities';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseBody, parseQuery, pathId } from '../../middleware/validate';
import { payClientOf } from '../../payouts/payoutClient';
import { approvePayout, proposePayout, rejectPayout } from '../../payouts/payoutProposals';
import { sendPayout } from '../../payouts/payoutTransfers';
import { presentPayout } from '../../presenters/payout';
import { pageWindow } from '../paging';

/** Townships and the county propose and approve cash; two different people for each payout. */

function payoutIdOf(ctx: AppContext): string {
  return pathId(ctx, '没有找到该笔款项');
}

export function settingsOf(deps: AppDeps): PayoutSettings {
  const limits = deps.config.payoutLimits ?? { perPaymentFen: 0, perMonthFen: 0 };
  return {
    enabled: Boolean(deps.config.wechatPay),
    reason: deps.config.wechatPay
      ? null
      : '未配置微信支付商户（WECHATPAY_* 环境变量），现金奖励与补贴已关闭；积分功能不受影响',
    maxPerPaymentFen: limits.perPaymentFen,
    maxPerMonthFen: limits.perMonthFen,
  };
}

/** Payouts with the names they show, in three queries. */
async function present(ctx: AppContext, rows: PayoutRow[]) {
  const manager = ctx.deps.dataSource.manager;
  const citizenIds = [...new Set(rows.map((row) => row.citizenId))];
  const staffIds = [
    ...new Set(rows.flatMap((row) => [row.proposedById, row.approvedById]).filter((id): id is string => Boolean(id))),
  ];
  const reportIds = [...new Set(rows.map((row) => row.reportId).filter((id): id is string => Boolean(id)))];
  const [citizens, staff, reports] = await Promise.all([
    citizenIds.length ? manager.getRepository(Citizen).findBy({ id: In(citizenIds) }) : [],
    staffIds.length ? manager.getRepository(Staff).findBy({ id: In(staffIds) }) : [],
    reportIds.length
      ? manager.getRepository(Report).find({ select: ['id', 'serialNo'], where: { id: In(reportIds) } })
      : [],
  ]);
  const names = {
    citizens: new Map(citizens.map((citizen) => [citizen.id, citizen])),
    staff: new Map(staff.map((member) => [member.id, member])),
    serialNos: new Map(reports.map((report) => [report.id, report.serialNo])),
  };
  return rows.map((row) => presentPayout(row, names, ctx.deps.cipher));
}

export function staffPayoutsRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff/payouts' });
  router.use(staffAuth(CASH_STAFF));

  router.get('/settings', async (ctx: AppContext) => {
    ctx.body = settingsOf(ctx.deps);
  });

  router.get('/', async (ctx: AppContext) => {
    const query = parseQuery(ctx, PayoutQuerySchema);
    const [rows, total] = await ctx.deps.dataSource.getRepository(PayoutRow).findAndCount({
      where: {
        regionCode: Like(`${currentStaff(ctx).regionCode}%`),
        ...(query.status ? { status: query.status } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    ctx.body = { items: await present(ctx, rows), total, page: query.page, pageSize: query.pageSize };
  });

  router.post('/', async (ctx: AppContext) => {
    const proposal = parseBody(ctx, PayoutProposalSchema);
    const payout = await proposePayout(ctx.deps, currentStaff(ctx), proposal, ctx.ip);
    ctx.status = 201;
    ctx.body = (await present(ctx, [payout]))[0];
  });

  /** Approval commits first; the transfer follows, and whatever WeChat Pay answers is recorded. */
  router.post('/:id/approve', async (ctx: AppContext) => {
    const approved = await approvePayout(ctx.deps, currentStaff(ctx), payoutIdOf(ctx), ctx.ip);
    const client = payClientOf(ctx.deps);
    const payout = client ? await sendPayout(ctx.deps, client, approved.id) : approved;
    ctx.body = (await present(ctx, [payout]))[0];
  });

  router.post('/:id/reject', async (ctx: AppContext) => {
    const { reason } = parseBody(ctx, PayoutRejectionSchema);
    const payout = await rejectPayout(ctx.deps, currentStaff(ctx), payoutIdOf(ctx), reason, ctx.ip);
    ctx.body = (await present(ctx, [payout]))[0];
  });

  return router;
}

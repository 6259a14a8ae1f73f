import Router from '@koa/router';
import { staffPayoutRoutes as routes } from '@minqing/shared';
import type { PayoutSettings } from '@minqing/shared';
import { In, Like } from 'typeorm';
import type { AppContext, AppDeps } from '../../context';
import { Citizen, PayoutRow, Report, Staff } from '../../db/entities';
import { currentStaff } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { payClientOf } from '../../integrations/wechatpay/payClient';
import { approvePayout, proposePayout, rejectPayout } from '../../commands/payouts/payoutProposals';
import { sendPayout } from '../../commands/payouts/payoutTransfers';
import { presentPayout } from '../../presenters/payout';
import { type ApiRouter, implement } from '../implement';
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
  return rows.map((row) => presentPayout(row, names, ctx.deps.cipher, currentStaff(ctx)));
}

export function staffPayoutsRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.settings, (ctx) => settingsOf(ctx.deps));

  implement(router, routes.list, async (ctx, { query }) => {
    const [rows, total] = await ctx.deps.dataSource.getRepository(PayoutRow).findAndCount({
      where: {
        regionCode: Like(`${currentStaff(ctx).regionCode}%`),
        ...(query.status ? { status: query.status } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    return { items: await present(ctx, rows), total, page: query.page, pageSize: query.pageSize };
  });

  implement(router, routes.propose, async (ctx, { body: proposal }) => {
    const payout = await proposePayout(ctx.deps, currentStaff(ctx), proposal, ctx.ip);
    return (await present(ctx, [payout]))[0];
  });

  /** Approval commits first; the transfer follows, and whatever WeChat Pay answers is recorded. */
  implement(router, routes.approve, async (ctx) => {
    const approved = await approvePayout(ctx.deps, currentStaff(ctx), payoutIdOf(ctx), ctx.ip);
    const client = payClientOf(ctx.deps);
    const payout = client ? await sendPayout(ctx.deps, client, approved.id) : approved;
    return (await present(ctx, [payout]))[0];
  });

  implement(router, routes.reject, async (ctx, { body: { reason } }) => {
    const payout = await rejectPayout(ctx.deps, currentStaff(ctx), payoutIdOf(ctx), reason, ctx.ip);
    return (await present(ctx, [payout]))[0];
  });

  return router;
}

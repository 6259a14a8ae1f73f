import crypto from 'node:crypto';
import Router from '@koa/router';
import {
  DEFAULT_POINTS_RULES,
  POINTS_AWARD_REASONS,
  POINTS_REASON_NAMES,
  staffPointsRoutes as routes,
} from '@minqing/shared';
import type { PointsAwardReason, StaffLedgerEntry } from '@minqing/shared';
import { Like } from 'typeorm';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext } from '../../context';
import { Citizen, PointsEntryRow, PointsRuleRow, RedemptionRow, ShopItemRow } from '../../db/entities';
import { newId } from '../../db/ids';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { actionLimit } from '../../middleware/rateLimit';
import { pathId } from '../../middleware/validate';
import { isWithin, levelOfCode, narrowerRegion } from '../../policies/scope';
import { appendLedgerLine, ruleFor } from '../../commands/points/ledger';
import { cancelRedemption, fulfilRedemption } from '../../commands/points/redemptions';
import { linesOfAnonymousReports } from '../../commands/points/reportAwards';
import { presentPointsEntry, presentShopItem } from '../../presenters/points';
import { presentRedemptions } from '../../presenters/points';
import { type ApiRouter, implement } from '../implement';
import { pageWindow } from '../paging';

/** Village cadres run their shop and record volunteering; townships and the county oversee. */
/** How staff see the earner of points for an anonymous report. */
const ANONYMOUS_REPORTER = '匿名举报人';

function idOf(ctx: AppContext, what: string): string {
  return pathId(ctx, `没有找到该${what}`);
}

/** The staff member's region narrowed by an optional filter; a filter outside it is refused. */
function scopedRegion(ctx: AppContext, filter: string | undefined): string {
  const region = narrowerRegion(currentStaff(ctx).regionCode, filter);
  if (!region) throw forbidden('只能查看本辖区的数据');
  return region;
}

/** Volunteer work is recorded once per villager, activity and day. */
function volunteerSourceId(activity: string, date: string): string {
  return `volunteer:${date}:${crypto.createHash('sha256').update(activity).digest('hex').slice(0, 40)}`;
}

export function staffPointsRouter() {
  const router: ApiRouter = new Router();
  const redeemLimit = actionLimit('redeem');

  implement(router, routes.rules, async (ctx) => {
    const staff = currentStaff(ctx);
    const manager = ctx.deps.dataSource.manager;
    return Promise.all(
      POINTS_AWARD_REASONS.map(async (reason) => ({
        reason,
        reasonName: POINTS_REASON_NAMES[reason],
        regionCode: staff.regionCode,
        ...(await ruleFor(manager, staff.regionCode, reason)),
      })),
    );
  });

  implement(router, routes.saveRule, async (ctx, { params, body: input }) => {
    const staff = currentStaff(ctx);
    const reason = params.reason as PointsAwardReason;
    if (!POINTS_AWARD_REASONS.includes(reason)) throw badRequest('没有这种积分规则', 'reason');
    const repository = ctx.deps.dataSource.getRepository(PointsRuleRow);
    const existing = await repository.findOneBy({ regionCode: staff.regionCode, reason });
    await repository.save(
      Object.assign(existing ?? new PointsRuleRow(), {
        id: existing?.id ?? newId(),
        regionCode: staff.regionCode,
        reason,
        ...input,
      }),
    );
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'points_rule.update',
      targetType: 'points_rule',
      targetId: existing?.id,
      ip: ctx.ip,
      detail: `${reason}: ${existing?.points ?? DEFAULT_POINTS_RULES[reason]} → ${input.points}${input.enabled ? '' : '（停用）'}`,
    });
    return { reason, reasonName: POINTS_REASON_NAMES[reason], regionCode: staff.regionCode, ...input };
  });

  implement(router, routes.items, async (ctx, { query }) => {
    const region = scopedRegion(ctx, query.regionCode);
    const [rows, total] = await ctx.deps.dataSource.getRepository(ShopItemRow).findAndCount({
      where: { regionCode: Like(`${region}%`) },
      order: { regionCode: 'ASC', createdAt: 'DESC' },
      ...pageWindow(query),
    });
    const { regions } = await ctx.deps.reference.snapshot();
    return {
      items: rows.map((row) => presentShopItem(row, regions)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.createItem, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    const { regions } = await ctx.deps.reference.snapshot();
    if (!regions.has(input.regionCode) || !['village', 'township'].includes(levelOfCode(input.regionCode)))
      throw badRequest('积分超市设在村（社区）或乡镇', 'regionCode');
    if (!isWithin(input.regionCode, staff.regionCode)) throw forbidden('只能为本辖区的积分超市上架商品');
    const item = Object.assign(new ShopItemRow(), {
      id: newId(),
      ...input,
      description: input.description ?? null,
      createdAt: ctx.deps.clock(),
    });
    await ctx.deps.dataSource.getRepository(ShopItemRow).insert(item);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'shop_item.create',
      targetType: 'shop_item',
      targetId: item.id,
      ip: ctx.ip,
      detail: `${item.name} ${item.pointsPrice}分 ×${item.stock}`,
    });
    return presentShopItem(item, regions);
  });

  implement(router, routes.updateItem, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    const id = idOf(ctx, '商品');
    const repository = ctx.deps.dataSource.getRepository(ShopItemRow);
    const item = await repository.findOneBy({ id });
    if (!item) throw notFound('没有找到该商品');
    if (!isWithin(item.regionCode, staff.regionCode)) throw forbidden('只能修改本辖区积分超市的商品');
    await repository.update({ id }, input);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'shop_item.update',
      targetType: 'shop_item',
      targetId: id,
      ip: ctx.ip,
      detail: JSON.stringify(input),
    });
    const { regions } = await ctx.deps.reference.snapshot();
    return presentShopItem(await repository.findOneByOrFail({ id }), regions);
  });

  implement(router, routes.redemptions, async (ctx, { query }) => {
    const region = scopedRegion(ctx, query.regionCode);
    const [rows, total] = await ctx.deps.dataSource.getRepository(RedemptionRow).findAndCount({
      where: { regionCode: Like(`${region}%`), ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    return {
      items: await presentRedemptions(ctx, rows, { staff: currentStaff(ctx) }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  // Codes are 8 digits: the limit keeps anyone from guessing them.
  implement(router, routes.verify, redeemLimit, async (ctx, { body: { code } }) => {
    const staff = currentStaff(ctx);
    const redemption = await fulfilRedemption(ctx.deps, staff, code);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'redemption.fulfil',
      targetType: 'redemption',
      targetId: redemption.id,
      ip: ctx.ip,
    });
    return (await presentRedemptions(ctx, [redemption], { staff }))[0];
  });

  implement(router, routes.cancelRedemption, async (ctx) => {
    const staff = currentStaff(ctx);
    const redemption = await cancelRedemption(ctx.deps, idOf(ctx, '兑换记录'), { staff });
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'redemption.cancel',
      targetType: 'redemption',
      targetId: redemption.id,
      ip: ctx.ip,
    });
    return (await presentRedemptions(ctx, [redemption], { staff }))[0];
  });

  /** 志愿服务: the cadre finds the villager by the phone they bound in the mini-program. */
  implement(router, routes.volunteer, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    const citizen = await ctx.deps.dataSource
      .getRepository(Citizen)
      .findOneBy({ phoneHash: ctx.deps.cipher.lookupHash(input.phone) });
    if (!citizen?.villageCode) throw badRequest('没有找到绑定该手机号的村民，请让村民先在小程序中绑定手机号', 'phone');
    if (!isWithin(citizen.villageCode, staff.regionCode)) throw forbidden('该村民不在您的辖区');
    const now = ctx.deps.clock();
    const manager = ctx.deps.dataSource.manager;
    const rule = await ruleFor(manager, citizen.villageCode, 'volunteer');
    if (!rule.enabled) throw conflict('志愿服务积分已停用');
    const delta = input.points ?? rule.points;
    const written = await appendLedgerLine(manager, {
      citizenId: citizen.id,
      reason: 'volunteer',
      sourceId: volunteerSourceId(input.activity, input.activityDate),
      delta,
      regionCode: citizen.villageCode,
      note: `${input.activityDate} ${input.activity}`,
      staffId: staff.id,
      at: now,
    });
    if (!written) throw conflict('该村民这次活动的积分已经记过了', 'activity');
    await recordAudit(manager, {
      staff,
      action: 'points.volunteer',
      targetType: 'citizen',
      targetId: citizen.id,
      ip: ctx.ip,
      detail: `${input.activityDate} ${input.activity} +${delta}`,
    });
    return { delta, note: `${input.activityDate} ${input.activity}` };
  });

  implement(router, routes.ledger, async (ctx, { query }) => {
    const region = scopedRegion(ctx, query.regionCode);
    const [rows, total] = await ctx.deps.dataSource.getRepository(PointsEntryRow).findAndCount({
      where: { regionCode: Like(`${region}%`), ...(query.reason ? { reason: query.reason } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    return { items: await presentLedger(ctx, rows), total, page: query.page, pageSize: query.pageSize };
  });

  return router;
}

/**
 * Ledger lines with who earned them (nickname only) and where; a line earned by an anonymous
 * report names neither the reporter nor the report (points/reportAwards).
 */
export async function presentLedger(ctx: AppContext, rows: PointsEntryRow[]): Promise<StaffLedgerEntry[]> {
  const manager = ctx.deps.dataSource.manager;
  const ids = [...new Set(rows.map((row) => row.citizenId))];
  const citizens = ids.length
    ? await manager.getRepository(Citizen).find({ select: ['id', 'nickname'], where: ids.map((id) => ({ id })) })
    : [];
  const names = new Map(citizens.map((citizen) => [citizen.id, citizen.nickname ?? '村民']));
  const anonymous = await linesOfAnonymousReports(manager, rows);
  const { regions } = await ctx.deps.reference.snapshot();
  return rows.map((row) => {
    const villageName = regions.get(row.regionCode)?.name ?? '';
    if (anonymous.has(row.id))
      return { ...presentPointsEntry(row), note: null, citizenName: ANONYMOUS_REPORTER, villageName };
    return { ...presentPointsEntry(row), citizenName: names.get(row.citizenId) ?? '村民', villageName };
  });
}

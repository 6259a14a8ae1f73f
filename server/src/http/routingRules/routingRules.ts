import Router from '@koa/router';
import { routingRuleRoutes as routes } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import { RoutingExample, RoutingRule } from '../../db/entities';
import { newId } from '../../db/ids';
import { isUniqueViolation } from '../../db/uniqueViolation';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { isWithin } from '../../policies/scope';
import { presentRoutingExample, presentRoutingRule } from '../../presenters/routing';
import { type ApiRouter, implement } from '../implement';
import { pageSlice, pageWindow } from '../paging';

/** Routing rules are data: the county and sysadmins edit them within their region. */

export function routingRulesRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.list, async (ctx, { query }) => {
    const staff = currentStaff(ctx);
    const reference = await ctx.deps.reference.snapshot();
    const rules = [...reference.rules.values()]
      .filter((rule) => isWithin(rule.regionCode, staff.regionCode))
      .filter((rule) => !query.categoryCode || rule.categoryCode === query.categoryCode)
      .filter((rule) => !query.regionCode || rule.regionCode === query.regionCode)
      .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode) || a.regionCode.localeCompare(b.regionCode));
    const page = pageSlice(rules, query);
    return {
      items: page.map((rule) => presentRoutingRule(rule, reference)),
      total: rules.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.create, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    const reference = await ctx.deps.reference.snapshot();
    if (!reference.categories.has(input.categoryCode)) throw badRequest('没有这个问题分类', 'categoryCode');
    if (!reference.regions.has(input.regionCode)) throw badRequest('没有这个地区', 'regionCode');
    if (!isWithin(input.regionCode, staff.regionCode)) throw forbidden('只能为本辖区设置分派规则');
    const department = reference.departments.get(input.departmentId);
    if (!department) throw badRequest('没有这个部门', 'departmentId');
    if (!isWithin(input.regionCode, department.regionCode)) throw badRequest('该部门不负责这个地区', 'departmentId');
    const rule = Object.assign(new RoutingRule(), { id: newId(), ...input, createdAt: ctx.deps.clock() });
    try {
      await ctx.deps.dataSource.getRepository(RoutingRule).insert(rule);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('该分类在这个地区已有规则，请先删除原规则', 'categoryCode');
      throw error;
    }
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'routing_rule.create',
      targetType: 'routing_rule',
      targetId: rule.id,
      ip: ctx.ip,
      detail: `${input.categoryCode}@${input.regionCode}`,
    });
    ctx.deps.reference.invalidate();
    return presentRoutingRule(rule, await ctx.deps.reference.snapshot());
  });

  implement(router, routes.remove, async (ctx) => {
    const staff = currentStaff(ctx);
    const id = pathId(ctx, '没有找到该规则');
    const rule = await ctx.deps.dataSource.getRepository(RoutingRule).findOneBy({ id });
    if (!rule) throw notFound('没有找到该规则');
    if (!isWithin(rule.regionCode, staff.regionCode)) throw forbidden('只能修改本辖区的分派规则');
    await ctx.deps.dataSource.getRepository(RoutingRule).delete({ id: rule.id });
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'routing_rule.delete',
      targetType: 'routing_rule',
      targetId: rule.id,
      ip: ctx.ip,
      detail: `${rule.categoryCode}@${rule.regionCode}`,
    });
    ctx.deps.reference.invalidate();
    return null;
  });

  /** Dispatchers' corrections, newest first: what `npm run routing:train` learns from. */
  implement(router, routes.examples, async (ctx, { query }) => {
    const [rows, total] = await ctx.deps.dataSource.getRepository(RoutingExample).findAndCount({
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    return { items: rows.map(presentRoutingExample), total, page: query.page, pageSize: query.pageSize };
  });

  return router;
}

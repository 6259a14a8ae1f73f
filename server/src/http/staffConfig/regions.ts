import { RegionCodeSchema, parentRegionCode, staffConfigRoutes as routes } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext } from '../../context';
import { Region } from '../../db/entities';
import type { ReferenceSnapshot } from '../../db/referenceData';
import { isUniqueViolation } from '../../db/uniqueViolation';
import { badRequest, conflict, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { levelOfCode } from '../../policies/scope';
import { presentConfigRegion } from '../../presenters/config';
import type { ConfigRoutes } from './staffConfig';
import { implement } from '../implement';
import { changeSummary, requireConfigures, requireFields } from './configScope';
import { pageSlice } from '../paging';

function childCounts(reference: ReferenceSnapshot): Map<string, number> {
  const counts = new Map<string, number>();
  for (const region of reference.regions.values()) {
    if (region.parentCode) counts.set(region.parentCode, (counts.get(region.parentCode) ?? 0) + 1);
  }
  return counts;
}

const byOrder = (a: Region, b: Region) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

async function loadRegion(ctx: AppContext): Promise<Region> {
  const code = RegionCodeSchema.safeParse(ctx.params.code);
  const region = code.success ? (await ctx.deps.reference.snapshot()).regions.get(code.data) : undefined;
  if (!region) throw notFound('没有找到该区域');
  return region;
}

/** 区域与网格: county → township → village → grid, one level at a time. */
export const regionRoutes: ConfigRoutes = (router) => {
  /** The children of `parentCode`; without it, the top of one's scope (all counties for a sysadmin). */
  implement(router, routes.regions, async (ctx, { query }) => {
    const staff = currentStaff(ctx);
    if (query.parentCode) requireConfigures(staff, query.parentCode);
    const reference = await ctx.deps.reference.snapshot();
    const all = [...reference.regions.values()];
    const rows = query.parentCode
      ? all.filter((region) => region.parentCode === query.parentCode)
      : all.filter((region) =>
          staff.role === 'sysadmin' ? region.parentCode === null : region.code === staff.regionCode,
        );
    rows.sort(byOrder);
    const counts = childCounts(reference);
    const page = pageSlice(rows, query);
    return {
      items: page.map((region) => presentConfigRegion(region, counts.get(region.code) ?? 0)),
      total: rows.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.createRegion, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    requireConfigures(staff, input.code, '只能在本辖区内新增区域');
    const reference = await ctx.deps.reference.snapshot();
    const parentCode = parentRegionCode(input.code);
    if (parentCode && !reference.regions.has(parentCode)) throw badRequest(`上级区域 ${parentCode} 不存在`, 'code');
    if (reference.regions.has(input.code)) throw conflict('该区划代码已存在', 'code');
    const region = Object.assign(new Region(), {
      code: input.code,
      name: input.name,
      level: levelOfCode(input.code),
      parentCode,
      sortOrder: input.sortOrder,
      disabled: false,
    });
    try {
      await ctx.deps.dataSource.getRepository(Region).insert(region);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('该区划代码已存在', 'code');
      throw error;
    }
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'region.create',
      targetType: 'region',
      targetId: region.code,
      ip: ctx.ip,
      detail: region.name,
    });
    ctx.deps.reference.invalidate();
    return presentConfigRegion(region, 0);
  });

  /** Rename, reorder, disable or enable again; the code never changes (reports carry it). */
  implement(router, routes.updateRegion, async (ctx, { body }) => {
    const staff = currentStaff(ctx);
    const region = await loadRegion(ctx);
    requireConfigures(staff, region.code);
    const patch = requireFields(body);
    if (patch.disabled && staff.role !== 'sysadmin' && region.code === staff.regionCode)
      throw badRequest('不能停用自己管辖的整个区域', 'disabled');
    const detail = changeSummary(region, patch);
    await ctx.deps.dataSource.getRepository(Region).update({ code: region.code }, patch);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'region.update',
      targetType: 'region',
      targetId: region.code,
      ip: ctx.ip,
      detail,
    });
    ctx.deps.reference.invalidate();
    const reference = await ctx.deps.reference.snapshot();
    return presentConfigRegion(reference.regions.get(region.code)!, childCounts(reference).get(region.code) ?? 0);
  });
};

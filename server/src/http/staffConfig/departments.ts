import { staffConfigRoutes as routes } from '@minqing/shared';
import type { DepartmentLevel } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext } from '../../context';
import { Department } from '../../db/entities';
import { newId } from '../../db/ids';
import { badRequest, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { isWithin, levelOfCode, narrowerRegion } from '../../policies/scope';
import { presentConfigDepartment } from '../../presenters/config';
import { changeSummary, configScope, requireConfigures, requireFields } from './configScope';
import type { ConfigRoutes } from './staffConfig';
import { implement } from '../implement';
import { pageSlice } from '../paging';

async function loadDepartment(ctx: AppContext): Promise<Department> {
  const id = pathId(ctx, '没有找到该部门');
  const department = (await ctx.deps.reference.snapshot()).departments.get(id);
  if (!department) throw notFound('没有找到该部门');
  return department;
}

/** 部门: county bureaus, township stations and village committees that act on reports. */
export const departmentRoutes: ConfigRoutes = (router) => {
  implement(router, routes.departments, async (ctx, { query }) => {
    const staff = currentStaff(ctx);
    const region = narrowerRegion(configScope(staff), query.regionCode);
    const reference = await ctx.deps.reference.snapshot();
    const rows =
      region === null
        ? []
        : [...reference.departments.values()]
            .filter((department) => isWithin(department.regionCode, region))
            .filter((department) => !query.keyword || department.name.includes(query.keyword))
            .filter((department) => query.disabled === undefined || department.disabled === query.disabled)
            .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, 'zh-CN'));
    const page = pageSlice(rows, query);
    return {
      items: page.map((department) => presentConfigDepartment(department, reference.regions)),
      total: rows.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.createDepartment, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    const reference = await ctx.deps.reference.snapshot();
    if (!reference.regions.has(input.regionCode)) throw badRequest('没有这个地区', 'regionCode');
    requireConfigures(staff, input.regionCode, '只能为本辖区新增部门');
    const level = levelOfCode(input.regionCode);
    if (level === 'grid') throw badRequest('部门只能设在县、镇或村(社区)', 'regionCode');
    const department = Object.assign(new Department(), {
      id: newId(),
      ...input,
      level: level satisfies DepartmentLevel,
      disabled: false,
      createdAt: ctx.deps.clock(),
    });
    await ctx.deps.dataSource.getRepository(Department).insert(department);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'department.create',
      targetType: 'department',
      targetId: department.id,
      ip: ctx.ip,
      detail: `${department.name}@${department.regionCode}`,
    });
    ctx.deps.reference.invalidate();
    return presentConfigDepartment(department, reference.regions);
  });

  /** Rename, change its kind, disable (no new reports reach it) or enable again; the region served stays. */
  implement(router, routes.updateDepartment, async (ctx, { body }) => {
    const staff = currentStaff(ctx);
    const department = await loadDepartment(ctx);
    requireConfigures(staff, department.regionCode, '只能管理本辖区的部门');
    const patch = requireFields(body);
    const detail = changeSummary(department, patch);
    await ctx.deps.dataSource.getRepository(Department).update({ id: department.id }, patch);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'department.update',
      targetType: 'department',
      targetId: department.id,
      ip: ctx.ip,
      detail,
    });
    ctx.deps.reference.invalidate();
    const reference = await ctx.deps.reference.snapshot();
    return presentConfigDepartment(reference.departments.get(department.id)!, reference.regions);
  });
};

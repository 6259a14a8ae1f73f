import { staffConfigRoutes as routes } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import { Category } from '../../db/entities';
import type { ReferenceSnapshot } from '../../db/referenceData';
import { isUniqueViolation } from '../../db/uniqueViolation';
import { badRequest, conflict, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { presentConfigCategory } from '../../presenters/config';
import { changeSummary, requireCountyWide, requireFields } from './configScope';
import type { ConfigRoutes } from './staffConfig';
import { implement } from '../implement';
import { pageSlice } from '../paging';

/** The tree has two levels (PRODUCT.md §3): a parent is a top-level category, and one with children has no parent. */
function checkParent(reference: ReferenceSnapshot, code: string, parentCode: string | null): void {
  if (parentCode === null) return;
  const parent = reference.categories.get(parentCode);
  if (!parent || parent.code === code) throw badRequest('请选择正确的上级分类', 'parentCode');
  if (parent.parentCode !== null) throw badRequest('上级分类只能是一级分类', 'parentCode');
  if ([...reference.categories.values()].some((category) => category.parentCode === code))
    throw badRequest('该分类有下级分类，不能再设上级分类', 'parentCode');
}

/** 分类: what citizens report, with its tier (分层处置) and deadlines (响应/办结时限). */
export const categoryRoutes: ConfigRoutes = (router) => {
  implement(router, routes.categories, async (ctx, { query }) => {
    const reference = await ctx.deps.reference.snapshot();
    const rows = [...reference.categories.values()]
      .filter(
        (category) => !query.keyword || category.name.includes(query.keyword) || category.code.includes(query.keyword),
      )
      .filter(
        (category) =>
          !query.parentCode || category.parentCode === query.parentCode || category.code === query.parentCode,
      )
      .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    const page = pageSlice(rows, query);
    return {
      items: page.map(presentConfigCategory),
      total: rows.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.createCategory, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    requireCountyWide(staff);
    const reference = await ctx.deps.reference.snapshot();
    if (reference.categories.has(input.code)) throw conflict('该分类代码已存在', 'code');
    checkParent(reference, input.code, input.parentCode);
    const category = Object.assign(new Category(), { ...input, disabled: false });
    try {
      await ctx.deps.dataSource.getRepository(Category).insert(category);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('该分类代码已存在', 'code');
      throw error;
    }
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'category.create',
      targetType: 'category',
      targetId: category.code,
      ip: ctx.ip,
      detail: category.name,
    });
    ctx.deps.reference.invalidate();
    return presentConfigCategory(category);
  });

  /** New deadlines apply to reports dispatched from now on; those already running keep theirs. */
  implement(router, routes.updateCategory, async (ctx, { params, body }) => {
    const staff = currentStaff(ctx);
    requireCountyWide(staff);
    const reference = await ctx.deps.reference.snapshot();
    const category = reference.categories.get(params.code);
    if (!category) throw notFound('没有找到该分类');
    const patch = requireFields(body);
    if (patch.parentCode !== undefined) checkParent(reference, category.code, patch.parentCode);
    const detail = changeSummary(category, patch);
    await ctx.deps.dataSource.getRepository(Category).update({ code: category.code }, patch);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'category.update',
      targetType: 'category',
      targetId: category.code,
      ip: ctx.ip,
      detail,
    });
    ctx.deps.reference.invalidate();
    return presentConfigCategory((await ctx.deps.reference.snapshot()).categories.get(category.code)!);
  });
};

import Router from '@koa/router';
import { replyTemplateRoutes as routes } from '@minqing/shared';
import { In, IsNull } from 'typeorm';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext } from '../../context';
import { ReplyTemplate } from '../../db/entities';
import { newId } from '../../db/ids';
import type { ReferenceSnapshot } from '../../db/referenceData';
import { badRequest, forbidden, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import {
  compareForReport,
  replyTemplateRefusal,
  templateCategoriesFor,
  templateRegionsFor,
} from '../../policies/replyTemplate';
import { isWithin } from '../../policies/scope';
import { loadViewableReport } from '../../policies/viewableReport';
import { presentReplyTemplate } from '../../presenters/replyTemplate';
import { type ApiRouter, implement } from '../implement';
import { buildTemplateQuery } from './replyTemplateQuery';

/** A template's category and region must exist, and the region must lie in the editor's own. */
function checkPlacement(
  ctx: AppContext,
  reference: ReferenceSnapshot,
  placement: { categoryCode?: string | null; regionCode?: string },
) {
  const staff = currentStaff(ctx);
  if (placement.categoryCode && !reference.categories.has(placement.categoryCode))
    throw badRequest('没有这个问题分类', 'categoryCode');
  if (placement.regionCode === undefined) return;
  if (!reference.regions.has(placement.regionCode)) throw badRequest('没有这个地区', 'regionCode');
  if (!isWithin(placement.regionCode, staff.regionCode)) throw forbidden('只能为本辖区设置答复模板');
}

async function loadEditableTemplate(ctx: AppContext): Promise<ReplyTemplate> {
  const id = pathId(ctx, '没有找到该模板');
  const template = await ctx.deps.dataSource.getRepository(ReplyTemplate).findOneBy({ id });
  if (!template) throw notFound('没有找到该模板');
  const refusal = replyTemplateRefusal(currentStaff(ctx), template);
  if (refusal) throw forbidden(refusal.message);
  return template;
}

/**
 * 答复模板: dispatchers and the county manage them within their region; anyone working a report
 * gets the enabled ones for its place and category (`routes.forReport`).
 */
export function replyTemplatesRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.list, async (ctx, { query }) => {
    const staff = currentStaff(ctx);
    const [templates, total] = await buildTemplateQuery(ctx.deps.dataSource.manager, staff, query).getManyAndCount();
    const reference = await ctx.deps.reference.snapshot();
    return {
      items: templates.map((template) => presentReplyTemplate(template, reference, staff)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.create, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    const reference = await ctx.deps.reference.snapshot();
    checkPlacement(ctx, reference, input);
    const now = ctx.deps.clock();
    const template = Object.assign(new ReplyTemplate(), {
      id: newId(),
      ...input,
      createdById: staff.id,
      createdAt: now,
      updatedAt: now,
    });
    await ctx.deps.dataSource.getRepository(ReplyTemplate).insert(template);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'reply_template.create',
      targetType: 'reply_template',
      targetId: template.id,
      ip: ctx.ip,
      detail: template.title,
    });
    return presentReplyTemplate(template, reference, staff);
  });

  implement(router, routes.update, async (ctx, { body: patch }) => {
    const staff = currentStaff(ctx);
    const template = await loadEditableTemplate(ctx);
    const reference = await ctx.deps.reference.snapshot();
    checkPlacement(ctx, reference, patch);
    Object.assign(template, patch, { updatedAt: ctx.deps.clock() });
    await ctx.deps.dataSource.getRepository(ReplyTemplate).save(template);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'reply_template.update',
      targetType: 'reply_template',
      targetId: template.id,
      ip: ctx.ip,
      detail: Object.keys(patch).join(','),
    });
    return presentReplyTemplate(template, reference, staff);
  });

  implement(router, routes.remove, async (ctx) => {
    const staff = currentStaff(ctx);
    const template = await loadEditableTemplate(ctx);
    await ctx.deps.dataSource.getRepository(ReplyTemplate).delete({ id: template.id });
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'reply_template.delete',
      targetType: 'reply_template',
      targetId: template.id,
      ip: ctx.ip,
      detail: template.title,
    });
    return null;
  });

  implement(router, routes.forReport, async (ctx) => {
    const staff = currentStaff(ctx);
    const report = await loadViewableReport(ctx);
    const reference = await ctx.deps.reference.snapshot();
    const categoryCodes = templateCategoriesFor(report.categoryCode);
    const regions = templateRegionsFor(report.villageCode);
    const repository = ctx.deps.dataSource.getRepository(ReplyTemplate);
    const templates = await repository.find({
      where: [
        { enabled: true, regionCode: In(regions), categoryCode: IsNull() },
        ...(categoryCodes.length ? [{ enabled: true, regionCode: In(regions), categoryCode: In(categoryCodes) }] : []),
      ],
    });
    return {
      items: templates
        .sort(compareForReport(categoryCodes))
        .map((template) => presentReplyTemplate(template, reference, staff)),
    };
  });

  return router;
}

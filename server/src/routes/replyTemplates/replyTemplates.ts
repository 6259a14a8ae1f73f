import Router from '@koa/router';
import {
  IdSchema,
  ReplyTemplateInputSchema,
  ReplyTemplatePatchSchema,
  ReplyTemplateQuerySchema,
} from '@minqing/shared';
import { In, IsNull } from 'typeorm';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext, AppDeps, AppState } from '../../context';
import { ReplyTemplate } from '../../db/entities';
import { newId } from '../../db/ids';
import type { ReferenceSnapshot } from '../../db/referenceData';
import { badRequest, forbidden, notFound } from '../../errors';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseBody, parseQuery } from '../../middleware/validate';
import {
  TEMPLATE_EDITOR_ROLES,
  compareForReport,
  staffCanEditTemplate,
  templateCategoriesFor,
  templateRegionsFor,
} from '../../policies/replyTemplate';
import { isWithin } from '../../policies/scope';
import { REPORT_WORKER_ROLES } from '../../policies/reportScope';
import { loadViewableReport } from '../../policies/viewableReport';
import { presentReplyTemplate } from '../../presenters/replyTemplate';
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
  const id = IdSchema.safeParse(ctx.params.id);
  const template = id.success
    ? await ctx.deps.dataSource.getRepository(ReplyTemplate).findOneBy({ id: id.data })
    : null;
  if (!template) throw notFound('没有找到该模板');
  if (!staffCanEditTemplate(currentStaff(ctx), template)) throw forbidden('只能修改本辖区的答复模板');
  return template;
}

/**
 * 答复模板: dispatchers and the county manage them within their region; anyone working a report
 * gets the enabled ones for its place and category (`/staff/reports/:id/reply-templates`).
 */
export function replyTemplatesRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff' });
  const editors = staffAuth(TEMPLATE_EDITOR_ROLES);

  router.get('/reply-templates', editors, async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const filters = parseQuery(ctx, ReplyTemplateQuerySchema);
    const [templates, total] = await buildTemplateQuery(ctx.deps.dataSource.manager, staff, filters).getManyAndCount();
    const reference = await ctx.deps.reference.snapshot();
    ctx.body = {
      items: templates.map((template) => presentReplyTemplate(template, reference, staff)),
      total,
      page: filters.page,
      pageSize: filters.pageSize,
    };
  });

  router.post('/reply-templates', editors, async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const input = parseBody(ctx, ReplyTemplateInputSchema);
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
    ctx.status = 201;
    ctx.body = presentReplyTemplate(template, reference, staff);
  });

  router.patch('/reply-templates/:id', editors, async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const template = await loadEditableTemplate(ctx);
    const patch = parseBody(ctx, ReplyTemplatePatchSchema);
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
    ctx.body = presentReplyTemplate(template, reference, staff);
  });

  router.delete('/reply-templates/:id', editors, async (ctx: AppContext) => {
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
    ctx.status = 204;
  });

  router.get('/reports/:id/reply-templates', staffAuth(REPORT_WORKER_ROLES), async (ctx: AppContext) => {
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
    ctx.body = {
      items: templates
        .sort(compareForReport(categoryCodes))
        .map((template) => presentReplyTemplate(template, reference, staff)),
    };
  });

  return router;
}

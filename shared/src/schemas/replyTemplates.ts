import { z } from 'zod';
import { LIMITS } from '../domain/limits';
import { PageQuerySchema, RegionCodeSchema, pageOf } from './common';
import { freeText } from './text';

/**
 * 答复模板: text a handler starts a reply or a result from. A template belongs to a region
 * (it is offered for reports in that region and below) and to a category, or to none (通用).
 * The body may hold placeholders the admin panel fills in: {编号} {村} {部门} {分类}.
 */
export const REPLY_TEMPLATE_PLACEHOLDERS = ['{编号}', '{村}', '{部门}', '{分类}'] as const;

export const REPLY_TEMPLATE_TITLE_MAX = 50;

/** What staff may do with a template: change it (text, placement, enabled) or delete it. */
export const REPLY_TEMPLATE_ACTIONS = ['update', 'delete'] as const;
export type ReplyTemplateAction = (typeof REPLY_TEMPLATE_ACTIONS)[number];

export const ReplyTemplateSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  enabled: z.boolean(),
  /** What the signed-in staff member may do with it: nothing for a template of a wider region, which they only see. */
  allowedActions: z.array(z.enum(REPLY_TEMPLATE_ACTIONS)),
  updatedAt: z.string(),
});
export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;

const title = freeText({ error: '请填写模板标题' })
  .min(1, '请填写模板标题')
  .max(REPLY_TEMPLATE_TITLE_MAX, `标题不能超过${REPLY_TEMPLATE_TITLE_MAX}字`);
const body = freeText({ error: '请填写模板内容' })
  .min(1, '请填写模板内容')
  .max(LIMITS.noteMax, `内容不能超过${LIMITS.noteMax}字`);
const categoryCode = z.string().trim().min(1, '请选择问题分类').max(32).nullable();

export const ReplyTemplateInputSchema = z
  .object({
    title,
    body,
    categoryCode: categoryCode.default(null),
    regionCode: RegionCodeSchema,
    enabled: z.boolean().default(true),
  })
  .strict();
export type ReplyTemplateInput = z.infer<typeof ReplyTemplateInputSchema>;

export const ReplyTemplatePatchSchema = z
  .object({ title, body, categoryCode, regionCode: RegionCodeSchema, enabled: z.boolean() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: '没有要修改的内容' });
export type ReplyTemplatePatch = z.infer<typeof ReplyTemplatePatchSchema>;

export const ReplyTemplateQuerySchema = PageQuerySchema.extend({
  /** `general` lists the templates without a category. */
  categoryCode: z.string().trim().max(32).optional(),
  enabled: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  keyword: z.string().trim().max(50).optional(),
});
export type ReplyTemplateQuery = z.infer<typeof ReplyTemplateQuerySchema>;

export const ReplyTemplatePageSchema = pageOf(ReplyTemplateSchema);

/** The templates offered for one report, most specific first. */
export const ReportReplyTemplatesSchema = z.object({ items: z.array(ReplyTemplateSchema) });
export type ReportReplyTemplates = z.infer<typeof ReportReplyTemplatesSchema>;

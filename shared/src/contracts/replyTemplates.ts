import {
  ReplyTemplateInputSchema,
  ReplyTemplatePageSchema,
  ReplyTemplatePatchSchema,
  ReplyTemplateQuerySchema,
  ReplyTemplateSchema,
  ReportReplyTemplatesSchema,
} from '../schemas/replyTemplates';
import { created, defineRoute, jsonBody, named, noContent, ok } from './route';

const replyTemplate = named('ReplyTemplate', ReplyTemplateSchema);
const tags = ['reply-templates'] as const;

/** 答复模板: dispatchers and the county manage them; anyone working a report gets the enabled ones for it. */
export const replyTemplateRoutes = {
  forReport: defineRoute({
    method: 'get',
    path: '/staff/reports/:id/reply-templates',
    summary: "可用答复模板 / Enabled reply templates for the report's place and category, most specific first",
    description:
      "Who: staff in scope. Enabled reply templates of the report's region chain and category (or its parent), most specific first",
    tags,
    access: 'staff',
    policy: 'queue',
    responses: [ok(named('ReportReplyTemplates', ReportReplyTemplatesSchema))],
    errors: [401, 403, 404],
  }),
  list: defineRoute({
    method: 'get',
    path: '/staff/reply-templates',
    summary: "答复模板 / Reply templates of the editor's region and below, and read-only those above",
    description:
      "Who: dispatcher, county. 答复模板 of one's region (wider regions' listed read-only); placeholders `{编号}` `{村}` `{部门}` `{分类}` filled in by the admin panel",
    tags,
    access: 'staff',
    policy: 'templates',
    query: ReplyTemplateQuerySchema,
    responses: [ok(named('ReplyTemplatePage', ReplyTemplatePageSchema))],
    errors: [400, 401, 403],
  }),
  create: defineRoute({
    method: 'post',
    path: '/staff/reply-templates',
    summary: '新增答复模板 / Add a reply template',
    tags,
    access: 'staff',
    policy: 'templates',
    body: jsonBody('ReplyTemplateInput', ReplyTemplateInputSchema),
    responses: [created(replyTemplate)],
    errors: [400, 401, 403],
  }),
  update: defineRoute({
    method: 'patch',
    path: '/staff/reply-templates/:id',
    summary: '修改答复模板 / Edit, enable or disable a reply template',
    tags,
    access: 'staff',
    policy: 'templates',
    body: jsonBody('ReplyTemplatePatch', ReplyTemplatePatchSchema),
    responses: [ok(replyTemplate)],
    errors: [400, 401, 403, 404],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/staff/reply-templates/:id',
    summary: '删除答复模板 / Remove a reply template',
    tags,
    access: 'staff',
    policy: 'templates',
    responses: [noContent],
    errors: [401, 403, 404],
  }),
};

import {
  type ReplyTemplateInput,
  type ReplyTemplatePatch,
  type ReplyTemplateQuery,
  catalogRoutes,
  replyTemplateRoutes as routes,
} from '@minqing/shared';
import { call } from '../api';

export type TemplateListQuery = ReplyTemplateQuery;

/** The reply-template routes (shared/src/contracts/replyTemplates.ts). */
export const templatesApi = {
  list: (query: TemplateListQuery) => call(routes.list, { query }),
  create: (input: ReplyTemplateInput) => call(routes.create, { body: input }),
  update: (id: string, patch: ReplyTemplatePatch) => call(routes.update, { params: { id }, body: patch }),
  remove: (id: string) => call(routes.remove, { params: { id } }),
  /** The enabled templates for one report's place and category, most specific first. */
  forReport: (reportId: string) => call(routes.forReport, { params: { id: reportId } }).then((answer) => answer.items),
  categories: () => call(catalogRoutes.categories),
  regions: () => call(catalogRoutes.regions, { query: { depth: 'village' } }),
};

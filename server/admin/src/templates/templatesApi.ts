import type {
  Category,
  Page,
  RegionNode,
  ReplyTemplate,
  ReplyTemplateInput,
  ReplyTemplatePatch,
  ReportReplyTemplates,
} from '@minqing/shared';
import { request } from '../api';

export interface TemplateListQuery {
  page: number;
  pageSize: number;
  /** A category code, or `general` for the templates without one. */
  categoryCode?: string;
  enabled?: boolean;
  keyword?: string;
}

export function templateQueryString(query: TemplateListQuery): string {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.categoryCode) params.set('categoryCode', query.categoryCode);
  if (query.enabled !== undefined) params.set('enabled', String(query.enabled));
  if (query.keyword?.trim()) params.set('keyword', query.keyword.trim());
  return params.toString();
}

const one = (id: string) => `/staff/reply-templates/${encodeURIComponent(id)}`;

/** server/src/routes/replyTemplates */
export const templatesApi = {
  list: (query: TemplateListQuery) =>
    request<Page<ReplyTemplate>>(`/staff/reply-templates?${templateQueryString(query)}`),
  create: (input: ReplyTemplateInput) =>
    request<ReplyTemplate>('/staff/reply-templates', { method: 'POST', body: input }),
  update: (id: string, patch: ReplyTemplatePatch) => request<ReplyTemplate>(one(id), { method: 'PATCH', body: patch }),
  remove: (id: string) => request<null>(one(id), { method: 'DELETE' }),
  /** The enabled templates for one report's place and category, most specific first. */
  forReport: (reportId: string) =>
    request<ReportReplyTemplates>(`/staff/reports/${encodeURIComponent(reportId)}/reply-templates`).then(
      (answer) => answer.items,
    ),
  categories: () => request<Category[]>('/categories'),
  regions: () => request<RegionNode[]>('/regions?depth=village'),
};

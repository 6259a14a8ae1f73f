import type { StaffReport } from '@minqing/shared';

/** What each placeholder of a template body stands for (shared REPLY_TEMPLATE_PLACEHOLDERS). */
export const PLACEHOLDER_HINTS: readonly { placeholder: string; meaning: string }[] = [
  { placeholder: '{编号}', meaning: '事项编号' },
  { placeholder: '{村}', meaning: '村(社区)名' },
  { placeholder: '{部门}', meaning: '承办部门' },
  { placeholder: '{分类}', meaning: '问题分类' },
];

export type TemplateReport = Pick<StaffReport, 'serialNo'> &
  Partial<Pick<StaffReport, 'villageName' | 'department' | 'category'>>;

/**
 * A template body with the report's facts in place of its placeholders. A placeholder the report
 * cannot fill (no department yet, no category) stays as it is, so the handler sees it and edits it.
 */
export function fillTemplate(body: string, report: TemplateReport): string {
  const values: Record<string, string | undefined> = {
    '{编号}': report.serialNo,
    '{村}': report.villageName || undefined,
    '{部门}': report.department?.name,
    '{分类}': report.category?.name,
  };
  return body.replace(/\{[^{}]*\}/g, (placeholder) => values[placeholder] ?? placeholder);
}

/** Inserting never throws away what was typed: the template goes after it, on a new line. */
export function appendTemplate(current: string | undefined, text: string): string {
  const typed = current?.trimEnd() ?? '';
  return typed ? `${typed}\n${text}` : text;
}

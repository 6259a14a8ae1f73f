import { ReplyTemplateInputSchema } from '@minqing/shared';
import type { Category, RegionNode, ReplyTemplate, ReplyTemplateInput } from '@minqing/shared';
import { type RegionTreeOption, findRegion, regionTreeOptions } from '../regionTree';

/** The form's values; an empty category means 通用 (every category). */
export interface TemplateFormValues {
  title?: string;
  body?: string;
  categoryCode?: string;
  regionCode?: string;
  enabled?: boolean;
}

export const TEMPLATE_FIELDS = ['title', 'body', 'categoryCode', 'regionCode'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export type TemplateValidation =
  | { ok: true; input: ReplyTemplateInput }
  | { ok: false; errors: { field: TemplateField; message: string }[] };

/** The form → the request body, checked with the schema the server uses. */
export function buildTemplateInput(values: TemplateFormValues): TemplateValidation {
  const parsed = ReplyTemplateInputSchema.safeParse({
    title: values.title ?? '',
    body: values.body ?? '',
    categoryCode: values.categoryCode || null,
    regionCode: values.regionCode ?? '',
    enabled: values.enabled ?? true,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0]) as TemplateField;
    return { field, message: field === 'regionCode' && !values.regionCode ? '请选择适用范围' : issue.message };
  });
  return { ok: false, errors };
}

export function formValuesOf(template: ReplyTemplate): TemplateFormValues {
  return {
    title: template.title,
    body: template.body,
    categoryCode: template.categoryCode ?? '',
    regionCode: template.regionCode,
    enabled: template.enabled,
  };
}

export type TreeOption = RegionTreeOption;

/**
 * Where the signed-in editor may put a template: their own region and below (the server answers 403 elsewhere).
 * Reports belong to villages, so a template is set for the county, a township or a village — never a grid.
 */
export function templateRegionOptions(tree: RegionNode[], scopeCode: string): TreeOption[] {
  const scope = findRegion(tree, scopeCode);
  return scope && scope.level !== 'grid' ? regionTreeOptions([scope], (child) => child.level !== 'grid') : [];
}

/** Categories for a select, each child named after its parent: 供电 · 停电. */
export function categoryOptions(categories: Category[]): { value: string; label: string }[] {
  const names = new Map(categories.map((category) => [category.code, category.name]));
  return categories.map((category) => ({
    value: category.code,
    label: category.parentCode
      ? `${names.get(category.parentCode) ?? category.parentCode} · ${category.name}`
      : category.name,
  }));
}

import type { z } from 'zod';

export type FormCheck<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/**
 * A form's values checked with the shared schema the server uses, so a value the server would
 * refuse never leaves the browser: the first message per field, keyed by its top-level name.
 * Blank text counts as not filled in; a blank field listed in `nullable` is sent as null (cleared),
 * and one in `required` gets its message there (for shared schemas without a Chinese one).
 */
export function checkForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
  nullable: readonly string[] = [],
  required: Readonly<Record<string, string>> = {},
): FormCheck<z.infer<S>> {
  const blank = (value: unknown) =>
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  const cleaned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (!blank(value)) cleaned[key] = value;
  for (const key of nullable) if (blank(values[key])) cleaned[key] = null;
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(required)) if (blank(values[field])) errors[field] = message;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

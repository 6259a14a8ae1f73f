import type { z } from 'zod';
import type { AppContext } from '../context';
import { zodToAppError } from './errors';

/** Parses the JSON body with a shared schema; a failure is a 400 naming the field. */
export function parseBody<T extends z.ZodType>(ctx: AppContext, schema: T): z.infer<T> {
  const result = schema.safeParse((ctx.request as { body?: unknown }).body ?? {});
  if (!result.success) throw zodToAppError(result.error);
  return result.data;
}

export function parseQuery<T extends z.ZodType>(ctx: AppContext, schema: T): z.infer<T> {
  const result = schema.safeParse(ctx.query);
  if (!result.success) throw zodToAppError(result.error);
  return result.data;
}

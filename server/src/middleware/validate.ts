import { IdSchema } from '@minqing/shared';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { notFound } from '../errors';
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

/**
 * The id a path names (`/…/:id`). A malformed id names no object, so it is answered like a missing
 * one: 404 with `notFoundMessage`, the same answer the route gives for a well-formed id it does not find.
 */
export function pathId(ctx: AppContext, notFoundMessage: string, name = 'id'): string {
  const result = IdSchema.safeParse(ctx.params[name]);
  if (!result.success) throw notFound(notFoundMessage);
  return result.data;
}

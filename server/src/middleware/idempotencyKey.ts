import { IdempotencyKeySchema } from '@minqing/shared';
import type { AppContext } from '../context';
import { badRequest } from '../errors';

/**
 * The request's Idempotency-Key, or null without one. A header sent empty is a client bug, not
 * "no key": retrying it would create a second report.
 */
export function idempotencyKeyOf(ctx: AppContext): string | null {
  const key = ctx.headers['idempotency-key'] === undefined ? null : ctx.get('Idempotency-Key');
  if (key !== null && !IdempotencyKeySchema.safeParse(key).success)
    throw badRequest('提交编号格式不正确', 'Idempotency-Key');
  return key;
}

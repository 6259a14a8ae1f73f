import type { PublicationStatus } from '@minqing/shared';
import { invalidTransition } from '../errors';

export type PublicationSwitch = 'publish' | 'withdraw';

/**
 * The status change for publishing or withdrawing (whether it is allowed is the policy's call,
 * policies/content.ts). Publishing again after a withdrawal stamps a new publishedAt, so the
 * notice returns to the top.
 */
export function nextPublication(
  action: PublicationSwitch,
  now: Date,
): { status: PublicationStatus; publishedAt?: Date } {
  return action === 'publish' ? { status: 'published', publishedAt: now } : { status: 'withdrawn' };
}

export const publicationChangedConcurrently = () => invalidTransition('内容状态已变化，请刷新后重试');

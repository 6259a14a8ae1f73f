import type { PublicationStatus } from '@minqing/shared';
import { publicationActionsFor } from '@minqing/shared';
import { invalidTransition } from '../errors';

export type PublicationSwitch = 'publish' | 'withdraw';

/**
 * The status change for publishing or withdrawing, checked against the shared rule. Publishing
 * again after a withdrawal stamps a new publishedAt, so the notice returns to the top.
 */
export function nextPublication(
  current: PublicationStatus,
  action: PublicationSwitch,
  now: Date,
): { status: PublicationStatus; publishedAt?: Date } {
  if (!publicationActionsFor(current).includes(action)) {
    throw invalidTransition(action === 'publish' ? '已经发布，无需重复发布' : '尚未发布，无法撤回');
  }
  return action === 'publish' ? { status: 'published', publishedAt: now } : { status: 'withdrawn' };
}

export const publicationChangedConcurrently = () => invalidTransition('内容状态已变化，请刷新后重试');

import type { CheckedField } from '@minqing/shared';
import type { SecurityScene } from '../integrations/wechat/contentSecurityClient';

/** WeChat's scenes: a nickname is 资料 (1), a rating comment 评论 (2), the rest is like a forum post (3). */
export function sceneOf(field: CheckedField): SecurityScene {
  if (field === 'nickname') return 1;
  if (field === 'rating.comment') return 2;
  return 3;
}

const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/** Exponential backoff for the `attempts`-th retry: 1, 2, 4 … minutes, at most an hour. */
export function retryAt(now: Date, attempts: number): Date {
  const wait = Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), LONGEST_WAIT_MS);
  return new Date(now.getTime() + wait);
}

/** A media check WeChat accepted but never answered is sent again after this long. */
export const VERDICT_WAIT_MS = 30 * 60_000;

/** How long the URL WeChat fetches a photo or voice clip from stays valid. */
export const MEDIA_URL_SECONDS = 30 * 60;

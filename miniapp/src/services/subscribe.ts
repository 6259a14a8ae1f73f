/**
 * WeChat subscribe messages (订阅消息): the server says which template id serves each topic; the
 * mini-program asks the citizen with wx.requestSubscribeMessage — which must run inside a tap, so
 * the settings are loaded beforehand — and reports the answers, each accept allowing one message.
 * Nothing here may stop what the tap was for: every failure is swallowed.
 */
import Taro from '@tarojs/taro';
import type { FollowTopic, PushSettings, SubscribeAnswer, SubscribeTopic } from '@minqing/shared';
import { SUBSCRIBE_ANSWERS, citizenApi } from '@minqing/shared';
import { isWeapp } from './config';
import { call } from './request';

let settings: PushSettings | null = null;

export const getPushSettings = () => call(citizenApi.push.settings);

/** Call when a page that will ask opens, so the tap can ask at once. */
export async function preloadPushSettings(): Promise<void> {
  if (!isWeapp() || settings) return;
  try {
    settings = await getPushSettings();
  } catch {
    // Asked again on the next page that needs it.
  }
}

/** The configured template ids for `topics`, at most 3 (WeChat's limit per call). */
export function templateIdsFor(known: PushSettings | null, topics: readonly SubscribeTopic[]): string[] {
  if (!known) return [];
  return topics.flatMap((topic) => (known.templates[topic] ? [known.templates[topic] as string] : [])).slice(0, 3);
}

/** Keeps only template id → answer pairs from what requestSubscribeMessage resolved with. */
export function answersOf(
  result: Record<string, unknown>,
  templateIds: readonly string[],
): Record<string, SubscribeAnswer> {
  const answers: Record<string, SubscribeAnswer> = {};
  for (const id of templateIds) {
    const answer = result[id];
    if (typeof answer === 'string' && (SUBSCRIBE_ANSWERS as readonly string[]).includes(answer))
      answers[id] = answer as SubscribeAnswer;
  }
  return answers;
}

/** Asks for `topics` inside the current tap and records the answers; never throws. */
export async function askToSubscribe(topics: readonly SubscribeTopic[]): Promise<void> {
  const tmplIds = templateIdsFor(settings, topics);
  if (!isWeapp() || tmplIds.length === 0) return;
  try {
    // The answer carries one key per template id besides errMsg.
    // entityIds is Alipay's; Taro's types require it on every platform.
    const result: Record<string, unknown> = { ...(await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) };
    const answers = answersOf(result, tmplIds);
    if (Object.keys(answers).length > 0) settings = await call(citizenApi.push.subscriptions, { body: { answers } });
  } catch {
    // Declined, not supported, or offline: the in-app message centre still has every message.
  }
}

/** Follows or unfollows one topic; answers the new settings. */
export async function setFollowing(topic: FollowTopic, follow: boolean): Promise<PushSettings> {
  const current = settings ?? (await getPushSettings());
  const topics = follow
    ? [...new Set([...current.follows, topic])]
    : current.follows.filter((followed) => followed !== topic);
  settings = await call(citizenApi.push.follows, { body: { topics } });
  return settings;
}

/** For tests. */
export function resetPushSettings(): void {
  settings = null;
}

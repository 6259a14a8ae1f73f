/**
 * Progress notifications through WeChat subscribe messages. The template ids come from the build
 * constant SUBSCRIBE_TEMPLATE_IDS (config defineConstants: a JSON array or a comma-separated string);
 * without it, or in H5, the offer is not shown.
 */
import Taro from '@tarojs/taro';

declare const SUBSCRIBE_TEMPLATE_IDS: string | string[] | undefined;

/** WeChat takes at most 3 templates in one request. */
export function subscribeTemplateIds(): string[] {
  const raw: unknown = typeof SUBSCRIBE_TEMPLATE_IDS === 'undefined' ? [] : SUBSCRIBE_TEMPLATE_IDS;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
  return list
    .filter((id): id is string => typeof id === 'string')
    .map((id) => id.trim())
    .filter(Boolean)
    .slice(0, 3);
}

export const canSubscribe = (): boolean => process.env.TARO_ENV === 'weapp' && subscribeTemplateIds().length > 0;

export type SubscribeAnswer = 'accepted' | 'declined' | 'unavailable';

export const SUBSCRIBE_MESSAGES: Record<SubscribeAnswer, string> = {
  accepted: '好的，办理有进展时会在微信里通知您',
  declined: '没有开启通知也没关系，可以随时在「我的反映」里查看进展',
  unavailable: '暂时开不了通知，可以随时在「我的反映」里查看进展',
};

/** Must run inside a tap handler (WeChat refuses otherwise). */
export async function requestProgressNotices(): Promise<SubscribeAnswer> {
  const tmplIds = subscribeTemplateIds();
  if (tmplIds.length === 0) return 'unavailable';
  try {
    const result = (await Taro.requestSubscribeMessage({
      tmplIds,
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
    return tmplIds.some((id) => result?.[id] === 'accept') ? 'accepted' : 'declined';
  } catch {
    return 'unavailable';
  }
}

import type { TemplateData } from '../../db/entities/push';
import type { WechatAccessTokenProvider } from './accessToken';
import { WechatApiError } from './wechatApiError';

export type MiniprogramState = 'formal' | 'trial' | 'developer';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** The mini-program page the message opens, with its query. */
  page: string;
  data: TemplateData;
}

/** `POST /cgi-bin/message/subscribe/send`; resolves when WeChat accepted it, else WechatApiError. */
export interface WechatSubscribeClient {
  send(message: SubscribeMessage): Promise<void>;
}

export class HttpWechatSubscribeClient implements WechatSubscribeClient {
  constructor(
    private readonly accessToken: WechatAccessTokenProvider,
    private readonly options: { apiBase: string; miniprogramState: MiniprogramState; timeoutMs?: number },
  ) {}

  send(message: SubscribeMessage): Promise<void> {
    return this.accessToken.withToken(async (token) => {
      const url = new URL('/cgi-bin/message/subscribe/send', this.options.apiBase);
      url.search = new URLSearchParams({ access_token: token }).toString();
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            touser: message.touser,
            template_id: message.templateId,
            page: message.page,
            data: message.data,
            miniprogram_state: this.options.miniprogramState,
            lang: 'zh_CN',
          }),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
        });
      } catch (error) {
        throw new WechatApiError(-1, `unreachable: ${(error as Error).message}`);
      }
      if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`);
      const answer = (await response.json()) as { errcode?: number; errmsg?: string };
      if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '');
    });
  }
}

/** The production client, on the process's one access-token provider (separate caches would force-refresh each other's). */
export function subscribeClientFor(
  token: WechatAccessTokenProvider,
  wechat: { apiBase: string },
  config: { push?: { miniprogramState: MiniprogramState } },
): HttpWechatSubscribeClient {
  return new HttpWechatSubscribeClient(token, {
    apiBase: wechat.apiBase,
    miniprogramState: config.push?.miniprogramState ?? 'formal',
  });
}

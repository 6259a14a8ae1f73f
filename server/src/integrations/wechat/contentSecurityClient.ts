import type { WechatAccessTokenProvider } from './accessToken';
import { WechatApiError } from './wechatApiError';

/** msg_sec_check / media_check_async v2 scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type SecurityScene = 1 | 2 | 3 | 4;
export type Suggest = 'pass' | 'review' | 'risky';

export interface TextVerdict {
  suggest: Suggest;
  /** WeChat's label: 100 normal, 20001 时政, 20002 色情, 20006 违法犯罪, 21000 其他 … */
  label: number;
}

/** media_check_async media_type. */
export const MEDIA_TYPES = { voice: 1, photo: 2 } as const;

/** WeChat content security (内容安全): text checked at once, media checked later through a push. */
export interface ContentSecurityClient {
  checkText(props: { openid: string; scene: SecurityScene; content: string }): Promise<TextVerdict>;
  /** Answers WeChat's trace_id; the verdict arrives as a `wxa_media_check` push event. */
  checkMediaAsync(props: { openid: string; scene: SecurityScene; mediaUrl: string; mediaType: 1 | 2 }): Promise<string>;
}

/**
 * The errcodes of these two APIs that mean "this request will never succeed as sent" — retrying
 * them is pointless; everything else (-1 busy, HTTP failures, timeouts, quota) is worth a retry.
 * 40003 bad openid, 61010 the user has not used the app in the last 2 hours, 87014 content
 * invalid (v1 risky), 44002/44991 empty or oversized content, 40097/47001 bad arguments.
 */
const PERMANENT_ERRCODES: readonly number[] = [40003, 40097, 44002, 44991, 47001, 61010, 87014];

export function isPermanentWechatError(error: unknown): boolean {
  return error instanceof WechatApiError && PERMANENT_ERRCODES.includes(error.errcode);
}

interface MsgSecCheckAnswer {
  errcode?: number;
  errmsg?: string;
  result?: { suggest?: string; label?: number };
}

interface MediaCheckAnswer {
  errcode?: number;
  errmsg?: string;
  trace_id?: string;
}

const SUGGESTS: readonly string[] = ['pass', 'review', 'risky'];

export class HttpWechatContentSecurity implements ContentSecurityClient {
  constructor(
    private readonly options: { apiBase: string; timeoutMs?: number },
    private readonly accessToken: WechatAccessTokenProvider,
  ) {}

  async checkText(props: { openid: string; scene: SecurityScene; content: string }): Promise<TextVerdict> {
    const answer = await this.post<MsgSecCheckAnswer>('/wxa/msg_sec_check', {
      content: props.content,
      version: 2,
      scene: props.scene,
      openid: props.openid,
    });
    const suggest = answer.result?.suggest;
    if (!suggest || !SUGGESTS.includes(suggest)) throw new WechatApiError(-1, 'no result.suggest in answer');
    return { suggest: suggest as Suggest, label: answer.result?.label ?? 0 };
  }

  async checkMediaAsync(props: {
    openid: string;
    scene: SecurityScene;
    mediaUrl: string;
    mediaType: 1 | 2;
  }): Promise<string> {
    const answer = await this.post<MediaCheckAnswer>('/wxa/media_check_async', {
      media_url: props.mediaUrl,
      media_type: props.mediaType,
      version: 2,
      scene: props.scene,
      openid: props.openid,
    });
    if (!answer.trace_id) throw new WechatApiError(-1, 'no trace_id in answer');
    return answer.trace_id;
  }

  /** One JSON call with an access token, refetched once when WeChat calls it stale (40001/42001). */
  private post<T extends { errcode?: number; errmsg?: string }>(path: string, body: object): Promise<T> {
    return this.accessToken.withToken(async (token) => {
      const url = new URL(path, this.options.apiBase);
      url.search = new URLSearchParams({ access_token: token }).toString();
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
        });
      } catch (error) {
        // Unreachable or too slow: the same retryable -1 as WeChat's own "system busy".
        throw new WechatApiError(-1, `unreachable: ${(error as Error).message}`);
      }
      if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`);
      const answer = (await response.json()) as T;
      if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '');
      return answer;
    });
  }
}

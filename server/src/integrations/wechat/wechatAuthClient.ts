/** jscode2session: a mini-program login code for the user's openid. */
export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatAuthClient {
  code2Session(code: string): Promise<WechatSession>;
}

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat error ${errcode}: ${errmsg}`);
  }
}

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

export class HttpWechatAuthClient implements WechatAuthClient {
  constructor(
    private readonly options: { appid: string; secret: string; apiBase: string; timeoutMs?: number },
  ) {}

  async code2Session(code: string): Promise<WechatSession> {
    const url = new URL('/sns/jscode2session', this.options.apiBase);
    url.search = new URLSearchParams({
      appid: this.options.appid,
      secret: this.options.secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    const response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
    if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`);
    const answer = (await response.json()) as Code2SessionAnswer;
    if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '');
    if (!answer.openid) throw new WechatApiError(-1, 'no openid in answer');
    return { openid: answer.openid, ...(answer.unionid ? { unionid: answer.unionid } : {}) };
  }
}

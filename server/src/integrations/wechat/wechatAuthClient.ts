import { WechatAccessTokenProvider } from './accessToken';
import { WechatApiError } from './wechatApiError';

export { WechatApiError } from './wechatApiError';

/** jscode2session: a mini-program login code for the user's openid. */
export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatAuthClient {
  code2Session(code: string): Promise<WechatSession>;
  /** getuserphonenumber: a getPhoneNumber button code for the user's phone number (40029 = invalid code). */
  getUserPhoneNumber(code: string): Promise<string>;
}

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

interface PhoneNumberAnswer {
  phone_info?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string };
  errcode?: number;
  errmsg?: string;
}

export class HttpWechatAuthClient implements WechatAuthClient {
  private readonly accessToken: WechatAccessTokenProvider;

  /** `accessToken`: share one provider among a process's WeChat clients, so none force-refreshes another's token. */
  constructor(
    private readonly options: {
      appid: string;
      secret: string;
      apiBase: string;
      timeoutMs?: number;
      clock?: () => Date;
    },
    accessToken?: WechatAccessTokenProvider,
  ) {
    this.accessToken = accessToken ?? new WechatAccessTokenProvider(options);
  }

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

  async getUserPhoneNumber(code: string): Promise<string> {
    return this.accessToken.withToken(async (token) => {
      const url = new URL('/wxa/business/getuserphonenumber', this.options.apiBase);
      url.search = new URLSearchParams({ access_token: token }).toString();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`);
      const answer = (await response.json()) as PhoneNumberAnswer;
      if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '');
      const phone = answer.phone_info?.purePhoneNumber || answer.phone_info?.phoneNumber;
      if (!phone) throw new WechatApiError(-1, 'no phone_info in answer');
      return phone;
    });
  }
}

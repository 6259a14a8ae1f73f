import { WechatApiError } from './wechatApiError';

/** The access token has expired or is not the current one: fetch a fresh one and retry once. */
export const STALE_TOKEN_ERRCODES: readonly number[] = [40001, 42001];

/** Refresh this long before WeChat's stated expiry, so a token is never used at its last second. */
const REFRESH_MARGIN_MS = 5 * 60_000;

interface StableTokenAnswer {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

export interface AccessTokenOptions {
  appid: string;
  secret: string;
  apiBase: string;
  timeoutMs?: number;
  clock?: () => Date;
}

/**
 * stable_token: `POST /cgi-bin/stable_token {grant_type, appid, secret, force_refresh?}` →
 * `{access_token, expires_in}`. Cached until shortly before expiry; at most one fetch in flight,
 * which every concurrent caller shares.
 */
export class WechatAccessTokenProvider {
  private cached: { token: string; refreshAt: number } | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(private readonly options: AccessTokenOptions) {}

  private now(): number {
    return (this.options.clock ?? (() => new Date()))().getTime();
  }

  /** A valid token; `forceRefresh` asks WeChat for a new one (after a 40001/42001). */
  token(forceRefresh = false): Promise<string> {
    if (this.inFlight) return this.inFlight;
    if (!forceRefresh && this.cached && this.now() < this.cached.refreshAt) return Promise.resolve(this.cached.token);
    const fetching = this.fetchToken(forceRefresh).finally(() => {
      if (this.inFlight === fetching) this.inFlight = null;
    });
    this.inFlight = fetching;
    return fetching;
  }

  /** Forgets the cached token unless it has already been replaced. */
  private invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = null;
  }

  /**
   * Calls `call` with a token; when WeChat says the token is stale, fetches a new one with
   * force_refresh (shared with concurrent callers) and retries once.
   */
  async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.token();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !STALE_TOKEN_ERRCODES.includes(error.errcode)) throw error;
      this.invalidate(token);
      // Another caller may already have replaced the stale token; only force a refresh if not.
      const fresh = this.cached && this.cached.token !== token ? this.cached.token : await this.token(true);
      return call(fresh);
    }
  }

  private async fetchToken(forceRefresh: boolean): Promise<string> {
    const url = new URL('/cgi-bin/stable_token', this.options.apiBase);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: this.options.appid,
        secret: this.options.secret,
        ...(forceRefresh ? { force_refresh: true } : {}),
      }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
    });
    if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`);
    const answer = (await response.json()) as StableTokenAnswer;
    if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '');
    if (!answer.access_token) throw new WechatApiError(-1, 'no access_token in answer');
    const lifetimeMs = (answer.expires_in ?? 7200) * 1000;
    this.cached = {
      token: answer.access_token,
      refreshAt: this.now() + Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2),
    };
    return answer.access_token;
  }
}

/** An errcode answered by a WeChat server API (or -1 for an HTTP failure or a malformed answer). */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat error ${errcode}: ${errmsg}`);
  }
}

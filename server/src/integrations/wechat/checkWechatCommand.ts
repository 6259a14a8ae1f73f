import { WechatAccessTokenProvider } from './accessToken';
import { HttpWechatContentSecurity } from './contentSecurityClient';
import { WechatApiError } from './wechatApiError';

/**
 * npm run check:wechat -- [--openid OPENID]
 *
 * A smoke test for operators with real credentials: fetches an access token through stable_token
 * with WECHAT_APPID / WECHAT_SECRET (at WECHAT_API_BASE), then has msg_sec_check v2 judge a
 * harmless sentence. msg_sec_check needs the openid of someone who opened the mini-program in the
 * last two hours (--openid, or WECHAT_CHECK_OPENID). Exits 0 only when both steps pass.
 */

export const HARMLESS_TEXT = '村口的路灯坏了，麻烦尽快修一下，谢谢。';

export interface CheckOutput {
  print: (line: string) => void;
}

/** What an errcode most likely means for the operator running this. */
const HINTS: Record<number, string> = {
  40013: 'WECHAT_APPID 不正确 (invalid appid)',
  40125: 'WECHAT_SECRET 不正确 (invalid secret)',
  40164: '服务器 IP 不在小程序后台的 IP 白名单中 (add this server to the IP whitelist)',
  40003: 'openid 不属于这个小程序 (the openid is not of this app)',
  61010: '该用户近 2 小时内未使用小程序：先打开小程序再试 (open the mini-program first)',
  45009: '今日调用次数已用完 (daily quota used up)',
  [-1]: '微信服务器无法连接或繁忙 (unreachable or busy)',
};

function explain(error: unknown): string {
  if (!(error instanceof WechatApiError)) return String(error);
  const hint = HINTS[error.errcode];
  return `errcode ${error.errcode} ${error.errmsg}${hint ? ` — ${hint}` : ''}`;
}

function optionValue(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

/** Runs both checks; answers the exit code. */
export async function checkWechat(
  env: Record<string, string | undefined>,
  argv: readonly string[],
  output: CheckOutput = { print: (line) => console.log(line) },
): Promise<number> {
  const { print } = output;
  const appid = env.WECHAT_APPID;
  const secret = env.WECHAT_SECRET;
  const apiBase = env.WECHAT_API_BASE || 'https://api.weixin.qq.com';
  if (!appid || !secret) {
    print('✗ WECHAT_APPID 和 WECHAT_SECRET 未设置 (set WECHAT_APPID and WECHAT_SECRET)');
    return 2;
  }
  print(`微信接口 ${apiBase}，小程序 ${appid}`);
  const accessToken = new WechatAccessTokenProvider({ appid, secret, apiBase, timeoutMs: 10_000 });
  try {
    const token = await accessToken.token();
    print(`✓ 1/2 access_token (stable_token): ${token.slice(0, 6)}…（${token.length} 个字符）`);
  } catch (error) {
    print(`✗ 1/2 access_token (stable_token): ${explain(error)}`);
    return 1;
  }
  const openid = optionValue(argv, '--openid') ?? env.WECHAT_CHECK_OPENID;
  if (!openid) {
    print(
      '✗ 2/2 msg_sec_check: 需要一个 2 小时内用过小程序的 openid：npm run check:wechat -- --openid OPENID (or WECHAT_CHECK_OPENID)',
    );
    return 2;
  }
  try {
    const security = new HttpWechatContentSecurity({ apiBase, timeoutMs: 10_000 }, accessToken);
    const verdict = await security.checkText({ openid, scene: 2, content: HARMLESS_TEXT });
    if (verdict.suggest !== 'pass') {
      print(`✗ 2/2 msg_sec_check: 无害文本被判为 ${verdict.suggest}（label ${verdict.label}）`);
      return 1;
    }
    print(`✓ 2/2 msg_sec_check: pass（label ${verdict.label}）`);
  } catch (error) {
    print(`✗ 2/2 msg_sec_check: ${explain(error)}`);
    return 1;
  }
  print('微信接口正常 (WeChat OK)');
  return 0;
}

if (require.main === module) {
  checkWechat(process.env, process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

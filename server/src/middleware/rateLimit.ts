import type { Middleware } from 'koa';
import type { AppContext, AppDeps, AppState } from '../context';
import { AppError } from '../errors';
import type { LimitScope, LimitedAction } from '../rateLimits/rateLimitConfig';
import { tokenClaims } from './auth';

type LimitMiddleware = Middleware<AppState, { deps: AppDeps }>;

function tooMany(ctx: AppContext, seconds: number): AppError {
  ctx.set('Retry-After', String(seconds));
  const wait = seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return new AppError(429, 'rate_limited', `操作太频繁，请 ${wait}后再试`);
}

async function count(ctx: AppContext, action: LimitedAction, scope: LimitScope, key: string): Promise<void> {
  const limiter = ctx.deps.limiter;
  if (!limiter) return;
  const retryAfter = await limiter.consume(action, scope, key);
  if (retryAfter !== null) throw tooMany(ctx, retryAfter);
}

/** The client's address as Koa reads it (see TRUST_PROXY: the last address the proxies vouch for). */
const clientKey = (ctx: AppContext) => ctx.ip || 'unknown';

/**
 * Every API call: signed in (a valid token), counted for the account wherever it comes from;
 * otherwise — every public route — for the client's address.
 */
export function requestLimit(): LimitMiddleware {
  return async (ctx, next) => {
    const context = ctx as AppContext;
    const claims = tokenClaims(context);
    if (claims) await count(context, 'request', 'account', `${claims.kind}:${claims.sub}`);
    else await count(context, 'request', 'client', clientKey(context));
    await next();
  };
}

/** The signed-in citizen or staff member, after citizenAuth/staffAuth. */
function signedInAccount(ctx: AppContext): string | null {
  if (ctx.state.citizen) return `citizen:${ctx.state.citizen.id}`;
  if (ctx.state.staff) return `staff:${ctx.state.staff.id}`;
  return null;
}

/**
 * `action` counted for the client's address and for the account: the signed-in one by default, or
 * the one `accountOf` names (the username at sign-in); no account, no account count.
 */
export function actionLimit(
  action: Exclude<LimitedAction, 'request'>,
  accountOf: (ctx: AppContext) => string | null = signedInAccount,
): LimitMiddleware {
  return async (ctx, next) => {
    const context = ctx as AppContext;
    await count(context, action, 'client', clientKey(context));
    const account = accountOf(context);
    if (account) await count(context, action, 'account', account);
    await next();
  };
}

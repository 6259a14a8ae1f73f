import type { Middleware } from 'koa';
import { newId } from '../db/ids';
import type { AppDeps, AppState } from '../context';

/** Gives every request an id (echoed as X-Request-Id) and logs one line per request, without personal data. */
export function requestContext(deps: AppDeps): Middleware<AppState, { deps: AppDeps }> {
  return async (ctx, next) => {
    const given = ctx.get('X-Request-Id');
    ctx.state.requestId = /^[\w-]{8,64}$/.test(given) ? given : newId();
    ctx.set('X-Request-Id', ctx.state.requestId);
    ctx.deps = deps;
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      deps.logger.info(
        {
          requestId: ctx.state.requestId,
          method: ctx.method,
          route: (ctx as { _matchedRoute?: string })._matchedRoute ?? ctx.path,
          status: ctx.status,
          ms,
        },
        'request',
      );
    }
  };
}

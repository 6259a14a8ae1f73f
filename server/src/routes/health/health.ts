import Router from '@koa/router';
import type { AppDeps, AppState } from '../../context';

/** Liveness plus a database round trip; public, says nothing about the data. */
export function healthRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();
  router.get('/healthz', async (ctx) => {
    try {
      await ctx.deps.dataSource.query('SELECT 1');
      ctx.body = { status: 'ok', database: 'ok' };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'error', database: 'unreachable' };
    }
  });
  return router;
}

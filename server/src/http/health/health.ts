import Router from '@koa/router';
import { type Health, systemRoutes } from '@minqing/shared';
import type { AppDeps, AppState } from '../../context';

/**
 * Liveness plus a database round trip; public, says nothing about the data. Registered from the
 * contract's method and path: it answers 503 with the same shape, which a contract handler cannot.
 */
export function healthRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();
  const health = systemRoutes.health;
  router[health.method](health.path, async (ctx) => {
    try {
      await ctx.deps.dataSource.query('SELECT 1');
      const healthy: Health = { status: 'ok', database: 'ok' };
      ctx.body = healthy;
    } catch {
      ctx.status = 503;
      const unhealthy: Health = { status: 'error', database: 'unreachable' };
      ctx.body = unhealthy;
    }
  });
  return router;
}

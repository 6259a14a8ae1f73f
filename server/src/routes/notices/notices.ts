import Router from '@koa/router';
import type { AppDeps, AppState } from '../../context';

export function noticesRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();
  return router;
}

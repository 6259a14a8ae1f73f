import Router from '@koa/router';
import type { AppDeps, AppState } from '../../context';

export function staffReportsRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();
  return router;
}

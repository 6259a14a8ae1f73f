import Router from '@koa/router';
import type { AppDeps, AppState } from '../../context';
import type { ApiRouter } from '../implement';
import { categoryRoutes } from './categories';
import { departmentRoutes } from './departments';
import { holidayRoutes } from './holidays';
import { regionRoutes } from './regions';
import { serviceRoutes } from './services';

/** Each family of configuration registers its routes from shared/src/contracts/staffConfig.ts (policy `config`). */
export type ConfigRoutes = (router: ApiRouter) => void;

/**
 * 配置管理 (/staff/config/…): the reference data every report depends on. Rows that reports
 * refer to are disabled, never deleted; every change is audited and clears the reference
 * cache, so routing and deadlines use it at once. Routing rules live in routes/routingRules.
 */
export function staffConfigRouter(): ApiRouter {
  const router: ApiRouter = new Router<AppState, { deps: AppDeps }>();
  for (const routes of [regionRoutes, departmentRoutes, categoryRoutes, serviceRoutes, holidayRoutes]) routes(router);
  return router;
}

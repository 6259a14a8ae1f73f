import Router from '@koa/router';
import type { AppDeps, AppState } from '../../context';
import { staffAuth } from '../../middleware/auth';
import { categoryRoutes } from './categories';
import { CONFIG_EDITORS } from '../../policies/config';
import { departmentRoutes } from './departments';
import { holidayRoutes } from './holidays';
import { regionRoutes } from './regions';
import { serviceRoutes } from './services';

export type ConfigRouter = Router<AppState, { deps: AppDeps }>;

/**
 * 配置管理 (/staff/config/…): the reference data every report depends on. Rows that reports
 * refer to are disabled, never deleted; every change is audited and clears the reference
 * cache, so routing and deadlines use it at once. Routing rules live in routes/routingRules.
 */
export function staffConfigRouter(): ConfigRouter {
  const router: ConfigRouter = new Router({ prefix: '/staff/config' });
  router.use(staffAuth(CONFIG_EDITORS));
  regionRoutes(router);
  departmentRoutes(router);
  categoryRoutes(router);
  serviceRoutes(router);
  holidayRoutes(router);
  return router;
}

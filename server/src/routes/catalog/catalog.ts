import Router from '@koa/router';
import { DeputiesQuerySchema, RegionTreeQuerySchema } from '@minqing/shared';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Category, Department, Region, ServiceEntity } from '../../db/entities';
import { badRequest } from '../../errors';
import { staffAuth, currentStaff } from '../../middleware/auth';
import { parseQuery } from '../../middleware/validate';
import {
  presentCategory,
  presentDepartment,
  presentDeputy,
  presentRegionTree,
  presentService,
} from '../../presenters/catalog';
import { deputiesFor, regionChain } from '../../policies/deputies';
import { activeRegions } from '../../policies/regionStatus';
import { isWithin } from '../../policies/scope';

/**
 * Reference data. Services, regions and categories are deliberately public: the mini-program
 * shows them before sign-in. Departments are for staff only.
 */
export function catalogRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();

  router.get('/services', async (ctx: AppContext) => {
    const services = await ctx.deps.dataSource
      .getRepository(ServiceEntity)
      .find({ where: { enabled: true }, order: { sortOrder: 'ASC' } });
    ctx.body = services.map(presentService);
  });

  router.get('/regions', async (ctx: AppContext) => {
    const { depth } = parseQuery(ctx, RegionTreeQuerySchema);
    const regions = await ctx.deps.dataSource.getRepository(Region).find();
    ctx.body = presentRegionTree(activeRegions(regions), depth);
  });

  router.get('/categories', async (ctx: AppContext) => {
    const categories = await ctx.deps.dataSource
      .getRepository(Category)
      .find({ where: { disabled: false }, order: { sortOrder: 'ASC', code: 'ASC' } });
    ctx.body = categories.map(presentCategory);
  });

  /** 代表工作: the deputies of a village, its township and its county, nearest first. */
  router.get('/deputies', async (ctx: AppContext) => {
    const { villageCode } = parseQuery(ctx, DeputiesQuerySchema);
    const { regions } = await ctx.deps.reference.snapshot();
    const village = regions.get(villageCode);
    if (village?.level !== 'village') throw badRequest('请选择正确的村(社区)', 'villageCode');
    const deputies = await deputiesFor(ctx.deps.dataSource.manager, regionChain(regions, villageCode));
    ctx.body = deputies.map((deputy) => presentDeputy(deputy, regions));
  });

  /** Departments a staff member may send reports to: those serving a region they cover, or above it. */
  router.get('/staff/departments', staffAuth(), async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const departments = await ctx.deps.dataSource
      .getRepository(Department)
      .find({ where: { disabled: false }, order: { level: 'ASC', name: 'ASC' } });
    ctx.body = departments
      .filter(
        (department) =>
          isWithin(department.regionCode, staff.regionCode) || isWithin(staff.regionCode, department.regionCode),
      )
      .map(presentDepartment);
  });

  return router;
}

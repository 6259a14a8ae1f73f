import Router from '@koa/router';
import { catalogRoutes as routes } from '@minqing/shared';
import { Category, Department, Region, ServiceEntity } from '../../db/entities';
import { badRequest } from '../../errors';
import { currentStaff } from '../../middleware/auth';
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
import { type ApiRouter, implement } from '../implement';

/**
 * Reference data. Services, regions and categories are deliberately public: the mini-program
 * shows them before sign-in. Departments are for staff only.
 */
export function catalogRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.services, async (ctx) => {
    const services = await ctx.deps.dataSource
      .getRepository(ServiceEntity)
      .find({ where: { enabled: true }, order: { sortOrder: 'ASC' } });
    return services.map(presentService);
  });

  implement(router, routes.regions, async (ctx, { query }) => {
    const regions = await ctx.deps.dataSource.getRepository(Region).find();
    return presentRegionTree(activeRegions(regions), query.depth);
  });

  implement(router, routes.categories, async (ctx) => {
    const categories = await ctx.deps.dataSource
      .getRepository(Category)
      .find({ where: { disabled: false }, order: { sortOrder: 'ASC', code: 'ASC' } });
    return categories.map(presentCategory);
  });

  /** 代表工作: the deputies of a village, its township and its county, nearest first. */
  implement(router, routes.deputies, async (ctx, { query }) => {
    const { regions } = await ctx.deps.reference.snapshot();
    const village = regions.get(query.villageCode);
    if (village?.level !== 'village') throw badRequest('请选择正确的村(社区)', 'villageCode');
    const deputies = await deputiesFor(ctx.deps.dataSource.manager, regionChain(regions, query.villageCode));
    return deputies.map((deputy) => presentDeputy(deputy, regions));
  });

  /** Departments a staff member may send reports to: those serving a region they cover, or above it. */
  implement(router, routes.departments, async (ctx) => {
    const staff = currentStaff(ctx);
    const departments = await ctx.deps.dataSource
      .getRepository(Department)
      .find({ where: { disabled: false }, order: { level: 'ASC', name: 'ASC' } });
    return departments
      .filter(
        (department) =>
          isWithin(department.regionCode, staff.regionCode) || isWithin(staff.regionCode, department.regionCode),
      )
      .map(presentDepartment);
  });

  return router;
}

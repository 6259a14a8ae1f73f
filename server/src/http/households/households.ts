import fs from 'node:fs/promises';
import Router from '@koa/router';
import { householdRoutes as routes } from '@minqing/shared';
import { In } from 'typeorm';
import { WorkbookUnreadable, importHouseholds } from '../../commands/householdImport';
import { liaisonsById, placementProblem, storeHouseholds } from '../../commands/householdRoster';
import { logVisitOnce } from '../../commands/visitLogger';
import type { AppContext } from '../../context';
import { Household, Staff } from '../../db/entities';
import { badRequest, forbidden, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { idempotencyKeyOf } from '../../middleware/idempotencyKey';
import { FILE_FIELD, multipartFile, theUploadedFile } from '../../middleware/multipartFile';
import { householdInScope, householdScopeOf } from '../../policies/household';
import { isWithin } from '../../policies/scope';
import { presentHousehold, presentVisit } from '../../presenters/household';
import { type ApiRouter, authorize, implement } from '../implement';
import { chinaDay, sendXlsx } from '../../presenters/xlsx';
import { buildHouseholdQuery, buildVisitQuery } from './householdQuery';
import { householdTemplate } from './importTemplate';

function scopeOf(ctx: AppContext) {
  const scope = householdScopeOf(currentStaff(ctx));
  if (!scope) throw forbidden();
  return scope;
}

/** 住户花名册 and 走访: each grid's households, who looks after them, and the visits logged. */
export function householdsRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.list, async (ctx, { query: filters }) => {
    const manager = ctx.deps.dataSource.manager;
    const query = buildHouseholdQuery(manager, scopeOf(ctx), filters);
    const [households, total] = query ? await query.getManyAndCount() : [[], 0];
    const [reference, liaisons] = await Promise.all([
      ctx.deps.reference.snapshot(),
      liaisonsById(
        manager,
        households.map((household) => household.liaisonId),
      ),
    ]);
    return {
      items: households.map((household) =>
        presentHousehold(household, { cipher: ctx.deps.cipher, reference, liaisons }),
      ),
      total,
      page: filters.page,
      pageSize: filters.pageSize,
    };
  });

  implement(router, routes.create, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    const manager = ctx.deps.dataSource.manager;
    const [reference, liaisons] = await Promise.all([
      ctx.deps.reference.snapshot(),
      liaisonsById(manager, [input.liaisonId]),
    ]);
    const problem = placementProblem(staff, reference, liaisons, input);
    if (
      problem?.field === 'gridCode' &&
      reference.regions.has(input.gridCode) &&
      !isWithin(input.gridCode, staff.regionCode)
    )
      throw forbidden(problem.message);
    if (problem) throw badRequest(problem.message, problem.field);
    const [household] = await storeHouseholds(manager, {
      editor: staff,
      cipher: ctx.deps.cipher,
      households: [input],
      now: ctx.deps.clock(),
      ip: ctx.ip,
      action: 'household.create',
    });
    return presentHousehold(household, { cipher: ctx.deps.cipher, reference, liaisons });
  });

  // The template and the import are files, so they answer through ctx themselves; the contract names the path.
  router[routes.importTemplate.method](
    routes.importTemplate.path,
    ...authorize(routes.importTemplate),
    async (ctx: AppContext) => {
      const staff = currentStaff(ctx);
      const reference = await ctx.deps.reference.snapshot();
      const grids = [...reference.regions.values()]
        .filter((region) => region.level === 'grid' && !region.disabled && isWithin(region.code, staff.regionCode))
        .sort((a, b) => a.code.localeCompare(b.code));
      const now = ctx.deps.clock();
      sendXlsx(ctx, await householdTemplate(grids, now), {
        ascii: `household-template-${chinaDay(now)}.xlsx`,
        chinese: `住户导入模板-${chinaDay(now)}.xlsx`,
      });
    },
  );

  router[routes.import.method](
    routes.import.path,
    ...authorize(routes.import),
    multipartFile(),
    async (ctx: AppContext) => {
      const file = theUploadedFile(ctx, '住户表格');
      try {
        const result = await importHouseholds(ctx.deps.dataSource.manager, {
          editor: currentStaff(ctx),
          cipher: ctx.deps.cipher,
          reference: await ctx.deps.reference.snapshot(),
          bytes: await fs.readFile(file.filepath),
          now: ctx.deps.clock(),
          ip: ctx.ip,
        });
        if ('rowErrors' in result) {
          ctx.status = 400;
          ctx.body = {
            error: {
              code: 'bad_request',
              message: `有 ${new Set(result.rowErrors.map((error) => error.row)).size} 行有误，未导入任何住户`,
              field: FILE_FIELD,
            },
            rowErrors: result.rowErrors,
          };
          return;
        }
        ctx.status = 201;
        ctx.body = result;
      } catch (error) {
        if (error instanceof WorkbookUnreadable) throw badRequest(error.message, FILE_FIELD);
        throw error;
      }
    },
  );

  implement(router, routes.visits, async (ctx, { query: filters }) => {
    const manager = ctx.deps.dataSource.manager;
    const query = buildVisitQuery(manager, scopeOf(ctx), filters);
    const [visits, total] = query ? await query.getManyAndCount() : [[], 0];
    const householdIds = [...new Set(visits.map((visit) => visit.householdId))];
    const visitorIds = [...new Set(visits.map((visit) => visit.staffId))];
    const [households, visitors] = await Promise.all([
      householdIds.length ? manager.getRepository(Household).findBy({ id: In(householdIds) }) : [],
      visitorIds.length ? manager.getRepository(Staff).findBy({ id: In(visitorIds) }) : [],
    ]);
    const householdById = new Map(households.map((household) => [household.id, household]));
    const visitorById = new Map(visitors.map((visitor) => [visitor.id, visitor]));
    return {
      items: visits.map((visit) =>
        presentVisit(visit, householdById.get(visit.householdId)!, visitorById.get(visit.staffId)),
      ),
      total,
      page: filters.page,
      pageSize: filters.pageSize,
    };
  });

  implement(router, routes.logVisit, async (ctx, { body: input }) => {
    const visitor = currentStaff(ctx);
    const clientKey = idempotencyKeyOf(ctx);
    const household = await ctx.deps.dataSource.getRepository(Household).findOneBy({ id: input.householdId });
    if (!household) throw notFound('没有找到该住户');
    if (!householdInScope(scopeOf(ctx), household)) throw forbidden('这户不在您负责的范围');
    const { visit, replayed } = await logVisitOnce(ctx.deps.dataSource.manager, {
      visitor,
      household,
      input,
      now: ctx.deps.clock(),
      clientKey,
    });
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    return presentVisit(visit, household, visitor);
  });

  return router;
}

import Router from '@koa/router';
import { type Supervision, supervisionRoutes as routes } from '@minqing/shared';
import { liaisonsById } from '../../commands/householdRoster';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext } from '../../context';
import { badRequest, forbidden } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { parseQuery } from '../../middleware/validate';
import { narrowerRegion } from '../../policies/scope';
import { presentHousehold } from '../../presenters/household';
import { shanghaiMonth } from '../../stats/calendar';
import { supervisionDefinitions } from '../../stats/figureDefinitions';
import { computeSupervision, notVisitedHouseholds, supervisionWindow } from '../../stats/supervision';
import { type ApiRouter, authorize, implement } from '../implement';
import { chinaDay, sendXlsx } from '../../presenters/xlsx';
import { supervisionWorkbook } from './supervisionWorkbook';
import { paged } from '../paging';

/** The month and region asked for, within the caller's own region (403 outside it). */
async function supervisionRequest(ctx: AppContext, query: { month?: string; regionCode?: string }) {
  const staff = currentStaff(ctx);
  const reference = await ctx.deps.reference.snapshot();
  const regionCode = narrowerRegion(staff.regionCode, query.regionCode);
  if (!regionCode) throw forbidden('不能查看其他地区的走访情况');
  if (query.regionCode && !reference.regions.has(query.regionCode)) throw badRequest('没有这个地区', 'regionCode');
  const now = ctx.deps.clock();
  const month = query.month ?? shanghaiMonth(now);
  return {
    reference,
    regionCode,
    month,
    now,
    window: supervisionWindow(month, now),
    manager: ctx.deps.dataSource.manager,
  };
}

async function supervisionOf(request: Awaited<ReturnType<typeof supervisionRequest>>): Promise<Supervision> {
  const { grids, liaisons } = await computeSupervision(request);
  return {
    month: request.month,
    regionCode: request.regionCode,
    regionName: request.reference.regions.get(request.regionCode)?.name ?? request.regionCode,
    asOf: request.window.asOf.toISOString(),
    grids,
    liaisons,
    definitions: supervisionDefinitions(),
  };
}

/** 走访督导: per grid and per 三线 member, for a month; the 未走访 list behind the figure; the workbook. */
export function supervisionRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.month, async (ctx, { query }) => supervisionOf(await supervisionRequest(ctx, query)));

  implement(router, routes.notVisited, async (ctx, { query }) => {
    const request = await supervisionRequest(ctx, query);
    const [households, total] = await paged(
      notVisitedHouseholds(request.manager, request.window, {
        regionCode: request.regionCode,
        gridCode: query.gridCode,
        liaisonId: query.liaisonId,
      })
        .orderBy('h.gridCode', 'ASC')
        .addOrderBy('h.headName', 'ASC')
        .addOrderBy('h.id', 'ASC'),
      query,
    ).getManyAndCount();
    const liaisons = await liaisonsById(
      request.manager,
      households.map((household) => household.liaisonId),
    );
    const present = { cipher: ctx.deps.cipher, reference: request.reference, liaisons };
    return {
      items: households.map((household) => presentHousehold(household, present)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  // The workbook is a file, so it answers through ctx itself; the query is still the contract's.
  router[routes.export.method](routes.export.path, ...authorize(routes.export), async (ctx: AppContext) => {
    const request = await supervisionRequest(ctx, parseQuery(ctx, routes.export.query));
    const supervision = await supervisionOf(request);
    const households = await notVisitedHouseholds(request.manager, request.window, { regionCode: request.regionCode })
      .orderBy('h.gridCode', 'ASC')
      .addOrderBy('h.headName', 'ASC')
      .getMany();
    const liaisons = await liaisonsById(
      request.manager,
      households.map((household) => household.liaisonId),
    );
    const notVisited = households.map((household) =>
      presentHousehold(household, { cipher: ctx.deps.cipher, reference: request.reference, liaisons }),
    );
    const staff = currentStaff(ctx);
    await recordAudit(request.manager, {
      staff,
      action: 'supervision.export',
      targetType: 'household',
      ip: ctx.ip,
      detail: `${request.month} ${supervision.regionName}; ${notVisited.length} 户未走访`,
    });
    const names = {
      ascii: `supervision-${request.month}-${chinaDay(request.now)}.xlsx`,
      chinese: `走访督导-${supervision.regionName}-${request.month}.xlsx`,
    };
    sendXlsx(ctx, await supervisionWorkbook(supervision, notVisited, request.now), names);
  });

  return router;
}

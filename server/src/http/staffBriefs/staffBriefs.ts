import Router from '@koa/router';
import { BriefWeekSchema, staffBriefRoutes as routes } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext } from '../../context';
import { WeeklyBriefRow } from '../../db/entities';
import { badRequest, forbidden, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { parseQuery } from '../../middleware/validate';
import { narrowerRegion } from '../../policies/scope';
import { addDays } from '../../stats/calendar';
import type { WeeklyBriefContent } from '../../stats/weeklyBrief';
import { type ApiRouter, authorize, implement } from '../implement';
import { sendXlsx, xlsxBytes } from '../../presenters/xlsx';
import { briefWorkbook } from './briefWorkbook';

/** A year of weeks. */
const LIST_LIMIT = 53;

/** The region whose briefs are asked for: the member's own, or one inside it (403 outside). */
async function briefRegion(ctx: AppContext, regionCode: string | undefined) {
  const lookups = await ctx.deps.reference.snapshot();
  const region = narrowerRegion(currentStaff(ctx).regionCode, regionCode);
  if (!region) throw forbidden('不能查看其他地区的研判简报');
  if (regionCode && !lookups.regions.has(regionCode)) throw badRequest('没有这个地区', 'regionCode');
  return { regionCode: region, regionName: lookups.regions.get(region)?.name ?? region };
}

export function staffBriefsRouter() {
  const router: ApiRouter = new Router();

  /** The region's briefs, newest week first. */
  implement(router, routes.list, async (ctx, { query }) => {
    const region = await briefRegion(ctx, query.regionCode);
    const rows = await ctx.deps.dataSource.getRepository(WeeklyBriefRow).find({
      where: { regionCode: region.regionCode },
      select: ['week', 'regionCode', 'createdAt'],
      order: { week: 'DESC' },
      take: LIST_LIMIT,
    });
    return {
      ...region,
      items: rows.map((row) => ({
        week: row.week,
        from: row.week,
        to: addDays(row.week, 6),
        ...region,
        generatedAt: row.createdAt.toISOString(),
      })),
    };
  });

  /** One brief as .xlsx: five sheets, the figures as they stood when it was made (registered from the contract). */
  router[routes.workbook.method](routes.workbook.path, ...authorize(routes.workbook), async (ctx: AppContext) => {
    const region = await briefRegion(ctx, parseQuery(ctx, routes.workbook.query).regionCode);
    const week = BriefWeekSchema.safeParse(ctx.params.week);
    // A week that is no date names no brief: 404, like a week without one.
    const row = week.success
      ? await ctx.deps.dataSource
          .getRepository(WeeklyBriefRow)
          .findOneBy({ week: week.data, regionCode: region.regionCode })
      : null;
    if (!row) throw notFound('这一周还没有研判简报');
    const now = ctx.deps.clock();
    const bytes = await xlsxBytes(briefWorkbook(row.content as WeeklyBriefContent, now));
    await recordAudit(ctx.deps.dataSource.manager, {
      staff: currentStaff(ctx),
      action: 'brief.export',
      ip: ctx.ip,
      detail: `${row.week} ${row.regionCode}`,
      at: now,
    });
    sendXlsx(ctx, bytes, {
      ascii: `brief-${row.regionCode}-${row.week}.xlsx`,
      chinese: `研判简报-${region.regionName}-${row.week}.xlsx`,
    });
  });
  return router;
}

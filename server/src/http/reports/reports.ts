import Router from '@koa/router';
import { citizenReportRoutes as routes } from '@minqing/shared';
import { disputeReport, rateReport, supplementReport } from '../../commands/citizenReportActions';
import { Screening } from '../../commands/contentScreening';
import { isFollowing } from '../../commands/reportFollowing';
import { submitReport } from '../../commands/reportSubmitter';
import type { AppContext } from '../../context';
import { Report } from '../../db/entities';
import { forbidden, notFound } from '../../errors';
import { currentCitizen } from '../../middleware/auth';
import { idempotencyKeyOf } from '../../middleware/idempotencyKey';
import { actionLimit } from '../../middleware/rateLimit';
import { pathId } from '../../middleware/validate';
import { citizenCanView } from '../../policies/report';
import { presentFollowedReport } from '../../presenters/followedReport';
import { presentCitizenReport, presentSummary } from '../../presenters/report';
import { type ApiRouter, implement } from '../implement';
import { pageWindow } from '../paging';

function reportIdOf(ctx: AppContext): string {
  return pathId(ctx, '没有找到该事项');
}

/** The citizen's side of a report: submit, follow, rate, dispute, add to it. */
export function reportsRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.submit, actionLimit('submit'), async (ctx, { body }) => {
    const citizen = currentCitizen(ctx);
    const key = idempotencyKeyOf(ctx);
    const screening = await Screening.ofTexts(ctx.deps, citizen, [
      { field: 'text', bodyField: 'text', content: body.text },
      { field: 'voice.transcript', bodyField: 'voice.transcript', content: body.voice?.transcript },
    ]);
    const { report, records, replayed } = await submitReport(ctx.deps, {
      citizen,
      body,
      idempotencyKey: key,
      screening,
    });
    await screening.sendQueuedMedia();
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    return presentCitizenReport(ctx.deps, report, records);
  });

  implement(router, routes.mine, async (ctx, { query }) => {
    const citizen = currentCitizen(ctx);
    const [reports, total] = await ctx.deps.dataSource.getRepository(Report).findAndCount({
      where: { citizenId: citizen.id, ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    const lookups = await ctx.deps.reference.snapshot();
    return {
      items: reports.map((report) => presentSummary(report, lookups, 'citizen')),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.detail, async (ctx) => {
    const report = await ctx.deps.dataSource.getRepository(Report).findOneBy({ id: reportIdOf(ctx) });
    if (!report) throw notFound('没有找到该事项');
    const citizen = currentCitizen(ctx);
    if (citizenCanView(citizen, report)) return presentCitizenReport(ctx.deps, report);
    // 我也遇到: a follower sees what the village board would show, nothing of the reporter.
    if (!(await isFollowing(ctx.deps.dataSource.manager, report.id, citizen.id)))
      throw forbidden('只能查看您自己反映的事项');
    return presentFollowedReport(ctx.deps, report);
  });

  implement(router, routes.rate, async (ctx, { body: rating }) => {
    const screening = await Screening.ofTexts(ctx.deps, currentCitizen(ctx), [
      { field: 'rating.comment', bodyField: 'comment', content: rating.comment },
    ]);
    const report = await rateReport(ctx.deps, {
      citizen: currentCitizen(ctx),
      reportId: reportIdOf(ctx),
      rating,
      screening,
    });
    return presentCitizenReport(ctx.deps, report);
  });

  implement(router, routes.dispute, async (ctx, { body: dispute }) => {
    const screening = await Screening.ofTexts(ctx.deps, currentCitizen(ctx), [
      { field: 'dispute.reason', bodyField: 'reason', content: dispute.reason },
    ]);
    const report = await disputeReport(ctx.deps, {
      citizen: currentCitizen(ctx),
      reportId: reportIdOf(ctx),
      dispute,
      screening,
    });
    return presentCitizenReport(ctx.deps, report);
  });

  implement(router, routes.supplement, async (ctx, { body: supplement }) => {
    const screening = await Screening.ofTexts(ctx.deps, currentCitizen(ctx), [
      { field: 'supplement', bodyField: 'text', content: supplement.text },
    ]);
    const report = await supplementReport(ctx.deps, {
      citizen: currentCitizen(ctx),
      reportId: reportIdOf(ctx),
      supplement,
      screening,
    });
    await screening.sendQueuedMedia();
    return presentCitizenReport(ctx.deps, report);
  });

  return router;
}

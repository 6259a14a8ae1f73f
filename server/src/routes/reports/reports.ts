import Router from '@koa/router';
import {
  DisputeRequestSchema,
  MyReportsQuerySchema,
  RatingRequestSchema,
  SubmitReportRequestSchema,
  SupplementRequestSchema,
} from '@minqing/shared';
import { disputeReport, rateReport, supplementReport } from '../../commands/citizenReportActions';
import { Screening } from '../../commands/contentScreening';
import { isFollowing } from '../../commands/reportFollowing';
import { submitReport } from '../../commands/reportSubmitter';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Report } from '../../db/entities';
import { forbidden, notFound } from '../../errors';
import { citizenAuth, currentCitizen } from '../../middleware/auth';
import { idempotencyKeyOf } from '../../middleware/idempotencyKey';
import { actionLimit } from '../../middleware/rateLimit';
import { parseBody, parseQuery, pathId } from '../../middleware/validate';
import { citizenCanView } from '../../policies/report';
import { presentFollowedReport } from '../../presenters/followedReport';
import { presentCitizenReport, presentSummary } from '../../presenters/report';
import { pageWindow } from '../paging';

function reportIdOf(ctx: AppContext): string {
  return pathId(ctx, '没有找到该事项');
}

/** The citizen's side of a report: submit, follow, rate, dispute, add to it. */
export function reportsRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/reports' });
  router.use(citizenAuth());

  router.post('/', actionLimit('submit'), async (ctx: AppContext) => {
    const citizen = currentCitizen(ctx);
    const key = idempotencyKeyOf(ctx);
    const body = parseBody(ctx, SubmitReportRequestSchema);
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
    ctx.status = 201;
    ctx.body = await presentCitizenReport(ctx.deps, report, records);
  });

  router.get('/mine', async (ctx: AppContext) => {
    const citizen = currentCitizen(ctx);
    const query = parseQuery(ctx, MyReportsQuerySchema);
    const [reports, total] = await ctx.deps.dataSource.getRepository(Report).findAndCount({
      where: { citizenId: citizen.id, ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    const lookups = await ctx.deps.reference.snapshot();
    ctx.body = {
      items: reports.map((report) => presentSummary(report, lookups, 'citizen')),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  router.get('/:id', async (ctx: AppContext) => {
    const report = await ctx.deps.dataSource.getRepository(Report).findOneBy({ id: reportIdOf(ctx) });
    if (!report) throw notFound('没有找到该事项');
    const citizen = currentCitizen(ctx);
    if (citizenCanView(citizen, report)) {
      ctx.body = await presentCitizenReport(ctx.deps, report);
      return;
    }
    // 我也遇到: a follower sees what the village board would show, nothing of the reporter.
    if (!(await isFollowing(ctx.deps.dataSource.manager, report.id, citizen.id)))
      throw forbidden('只能查看您自己反映的事项');
    ctx.body = await presentFollowedReport(ctx.deps, report);
  });

  router.post('/:id/rating', async (ctx: AppContext) => {
    const rating = parseBody(ctx, RatingRequestSchema);
    const screening = await Screening.ofTexts(ctx.deps, currentCitizen(ctx), [
      { field: 'rating.comment', bodyField: 'comment', content: rating.comment },
    ]);
    const report = await rateReport(ctx.deps, {
      citizen: currentCitizen(ctx),
      reportId: reportIdOf(ctx),
      rating,
      screening,
    });
    ctx.body = await presentCitizenReport(ctx.deps, report);
  });

  router.post('/:id/dispute', async (ctx: AppContext) => {
    const dispute = parseBody(ctx, DisputeRequestSchema);
    const screening = await Screening.ofTexts(ctx.deps, currentCitizen(ctx), [
      { field: 'dispute.reason', bodyField: 'reason', content: dispute.reason },
    ]);
    const report = await disputeReport(ctx.deps, {
      citizen: currentCitizen(ctx),
      reportId: reportIdOf(ctx),
      dispute,
      screening,
    });
    ctx.body = await presentCitizenReport(ctx.deps, report);
  });

  router.post('/:id/supplements', async (ctx: AppContext) => {
    const supplement = parseBody(ctx, SupplementRequestSchema);
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
    ctx.status = 201;
    ctx.body = await presentCitizenReport(ctx.deps, report);
  });

  return router;
}

import Router from '@koa/router';
import { ReportNoteInputSchema } from '@minqing/shared';
import { In } from 'typeorm';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext, AppDeps, AppState } from '../../context';
import { ReportNote, Staff } from '../../db/entities';
import { newId } from '../../db/ids';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseBody } from '../../middleware/validate';
import { REPORT_WORKER_ROLES } from '../../policies/reportScope';
import { loadViewableReport } from '../../policies/viewableReport';
import { presentReportNote } from '../../presenters/reportNote';

/**
 * 内部备注: staff who may see a report read and add notes on it. Notes live in their own table,
 * never in the report's events, so no citizen view or export can reach them.
 */
export function reportNotesRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff/reports/:id/notes' });
  router.use(staffAuth(REPORT_WORKER_ROLES));

  router.get('/', async (ctx: AppContext) => {
    const report = await loadViewableReport(ctx);
    const notes = await ctx.deps.dataSource
      .getRepository(ReportNote)
      .find({ where: { reportId: report.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const authorIds = [...new Set(notes.map((note) => note.staffId))];
    const authors = authorIds.length
      ? await ctx.deps.dataSource.getRepository(Staff).findBy({ id: In(authorIds) })
      : [];
    const byId = new Map(authors.map((author) => [author.id, author]));
    const lookups = await ctx.deps.reference.snapshot();
    ctx.body = { items: notes.map((note) => presentReportNote(note, byId.get(note.staffId), lookups)) };
  });

  router.post('/', async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const report = await loadViewableReport(ctx);
    const input = parseBody(ctx, ReportNoteInputSchema);
    const note = Object.assign(new ReportNote(), {
      id: newId(),
      reportId: report.id,
      staffId: staff.id,
      body: input.body,
      createdAt: ctx.deps.clock(),
    });
    await ctx.deps.dataSource.getRepository(ReportNote).insert(note);
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: 'report.note',
      targetType: 'report',
      targetId: report.id,
      ip: ctx.ip,
      detail: report.serialNo,
    });
    ctx.status = 201;
    ctx.body = presentReportNote(note, staff, await ctx.deps.reference.snapshot());
  });

  return router;
}

import Router from '@koa/router';
import { staffReportRoutes as routes } from '@minqing/shared';
import { In } from 'typeorm';
import { recordAudit } from '../../commands/auditRecorder';
import { ReportNote, Staff } from '../../db/entities';
import { newId } from '../../db/ids';
import { currentStaff } from '../../middleware/auth';
import { loadViewableReport } from '../../policies/viewableReport';
import { presentReportNote } from '../../presenters/reportNote';
import { type ApiRouter, implement } from '../implement';

/**
 * 内部备注: staff who may see a report read and add notes on it. Notes live in their own table,
 * never in the report's events, so no citizen view or export can reach them.
 */
export function reportNotesRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.notes, async (ctx) => {
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
    return { items: notes.map((note) => presentReportNote(note, byId.get(note.staffId), lookups)) };
  });

  implement(router, routes.addNote, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    const report = await loadViewableReport(ctx);
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
    return presentReportNote(note, staff, await ctx.deps.reference.snapshot());
  });

  return router;
}

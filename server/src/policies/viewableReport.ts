import type { AppContext } from '../context';
import { Report } from '../db/entities';
import { forbidden, notFound } from '../errors';
import { currentStaff } from '../middleware/auth';
import { pathId } from '../middleware/validate';
import { staffCanView } from './report';

/** The report named by `:id`, once the signed-in staff member is allowed to see it (404 / 403 otherwise). */
export async function loadViewableReport(ctx: AppContext): Promise<Report> {
  const staff = currentStaff(ctx);
  const id = pathId(ctx, '没有找到该事项');
  const report = await ctx.deps.dataSource.getRepository(Report).findOneBy({ id });
  if (!report) throw notFound('没有找到该事项');
  if (!staffCanView(staff, report)) throw forbidden('该事项不在您的管辖范围内');
  return report;
}

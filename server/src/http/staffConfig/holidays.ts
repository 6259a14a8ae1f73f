import { HolidayYearNumberSchema, holidayScheduleSchema, staffConfigRoutes as routes } from '@minqing/shared';
import { Between } from 'typeorm';
import { recordAudit } from '../../commands/auditRecorder';
import type { AppContext } from '../../context';
import { transaction } from '../../db/dataSource';
import { HolidayDayRow } from '../../db/entities';
import { scheduleOf, scheduleYears } from '../../deadlines/holidaySchedule';
import { localDateOf } from '../../deadlines/workingCalendar';
import { badRequest } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { parseBody } from '../../middleware/validate';
import { requireCountyWide } from './configScope';
import type { ConfigRoutes } from './staffConfig';
import { implement } from '../implement';

function yearParam(ctx: AppContext): number {
  const year = HolidayYearNumberSchema.safeParse(ctx.params.year);
  if (!year.success) throw badRequest('年份不正确', 'year');
  return year.data;
}

/**
 * 节假日: each year's 放假 and 调休上班 days. A year entered here replaces the built-in
 * schedule of deadlines/holidays.ts for that year; deadlines computed from then on use it.
 */
export const holidayRoutes: ConfigRoutes = (router) => {
  implement(router, routes.holidayYears, async (ctx) => {
    const { holidayDays } = await ctx.deps.reference.snapshot();
    return scheduleYears(holidayDays, Number(localDateOf(ctx.deps.clock()).slice(0, 4)));
  });

  implement(router, routes.holidayYear, async (ctx) => {
    const year = yearParam(ctx);
    return scheduleOf(year, (await ctx.deps.reference.snapshot()).holidayDays);
  });

  /** Replaces the year's whole schedule; an empty list goes back to the built-in one. The contract checks the
   * body's shape, the year's schedule then checks each day against the year. */
  implement(router, routes.saveHolidayYear, async (ctx) => {
    const staff = currentStaff(ctx);
    requireCountyWide(staff);
    const year = yearParam(ctx);
    const { days } = parseBody(ctx, holidayScheduleSchema(year));
    await transaction(ctx.deps.dataSource, async (manager) => {
      await manager.getRepository(HolidayDayRow).delete({ date: Between(`${year}-01-01`, `${year}-12-31`) });
      if (days.length)
        await manager.getRepository(HolidayDayRow).insert(days.map((day) => ({ ...day, createdAt: ctx.deps.clock() })));
      const holidays = days.filter((day) => day.kind === 'holiday').length;
      const detail = days.length
        ? `${year}: 放假 ${holidays} 天，调休上班 ${days.length - holidays} 天`
        : `${year}: 恢复内置安排`;
      await recordAudit(manager, {
        staff,
        action: 'holidays.replace',
        targetType: 'holiday_year',
        targetId: String(year),
        ip: ctx.ip,
        detail,
      });
    });
    ctx.deps.reference.invalidate();
    return scheduleOf(year, (await ctx.deps.reference.snapshot()).holidayDays);
  });
};

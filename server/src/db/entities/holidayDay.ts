import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolidayDayKind } from '@minqing/shared';
import { CreatedAtColumn } from './columns';

/**
 * A day of an operator-entered holiday schedule (节假日安排): the rows of a year replace the
 * built-in schedule of deadlines/holidays.ts for that year (see db/holidayCalendar.ts).
 */
@Entity('holiday_days')
export class HolidayDayRow {
  /** Local date in Asia/Shanghai, `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'varchar', length: 10 }) date!: string;
  /** `holiday` 放假, `workday` 调休上班. */
  @Column({ type: 'varchar', length: 16 }) kind!: HolidayDayKind;
  @Column({ type: 'varchar', length: 32 }) name!: string;
  @CreatedAtColumn() createdAt!: Date;
}

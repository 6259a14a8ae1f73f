import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from './columns';

/**
 * 重复反映 of a summarised day (stats/repeatMatters.ts): the reports submitted that China day that
 * repeat a resolution of their village and category, per department, place and category as they
 * stand (the day summary's key), and when the last of them was submitted. Rebuilt by the
 * scheduler with the day, and again when a resolution they may repeat moves.
 */
@Entity('stats_repeat_summaries')
@Index('idx_stats_repeat_summaries_department', ['departmentId', 'day'])
export class StatsRepeatSummary {
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @PrimaryColumn({ type: 'varchar', length: 26 }) departmentId!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) countyCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) townshipCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) villageCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) gridCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) categoryCode!: string;
  @Column({ type: 'int', default: 0 }) repeats!: number;
  @DateTimeColumn() lastRepeatAt!: Date;
}

/**
 * The same for one China calendar month: the sums of its days' 重复反映 and the last of them,
 * built by the scheduler with the month summary (stats/monthSummaries.ts) and gone with it.
 */
@Entity('stats_repeat_month_summaries')
@Index('idx_stats_repeat_month_summaries_department', ['departmentId', 'month'])
export class StatsRepeatMonthSummary {
  /** YYYY-MM. */
  @PrimaryColumn({ type: 'varchar', length: 7 }) month!: string;
  @PrimaryColumn({ type: 'varchar', length: 26 }) departmentId!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) countyCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) townshipCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) villageCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) gridCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) categoryCode!: string;
  @Column({ type: 'int', default: 0 }) repeats!: number;
  @DateTimeColumn() lastRepeatAt!: Date;
}

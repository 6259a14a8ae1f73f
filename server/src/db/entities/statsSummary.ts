import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from './columns';

/**
 * The additive figures of one China calendar day (stats/summaries.ts): the reports dispatched
 * that day (the cohort rule) and the returns made that day, per department and place and
 * category as they stand. Rebuilt whole by the scheduler, one day at a time; a missing key part
 * (no grid, no category) is the empty string, so the key can be the primary key.
 */
@Entity('stats_day_summaries')
// One department's days (a handler's dashboard) without reading every department's rows.
@Index('idx_stats_day_summaries_department', ['departmentId', 'day'])
export class StatsDaySummary {
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @PrimaryColumn({ type: 'varchar', length: 26 }) departmentId!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) countyCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) townshipCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) villageCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) gridCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) categoryCode!: string;
  @Column({ type: 'int', default: 0 }) received!: number;
  @Column({ type: 'int', default: 0 }) responded!: number;
  @Column({ type: 'int', default: 0 }) resolved!: number;
  @Column({ type: 'int', default: 0 }) resolvedOnTime!: number;
  @Column({ type: 'int', default: 0 }) rated!: number;
  @Column({ type: 'int', default: 0 }) satisfied!: number;
  @Column({ type: 'int', default: 0 }) visitRated!: number;
  @Column({ type: 'int', default: 0 }) visitSatisfied!: number;
  @Column({ type: 'bigint', default: 0 }) resolveMsTotal!: number;
  /** Only the reports resolved after their deadline: the open ones past it are counted as of now, live. */
  @Column({ type: 'int', default: 0 }) resolvedLate!: number;
  @Column({ type: 'int', default: 0 }) repeatComplaints!: number;
  @Column({ type: 'int', default: 0 }) returns!: number;
}

/**
 * The same figures for one China calendar month: the sums of its day summaries, built by the
 * scheduler once every day of the month is summarised, so a month of a period reads one row per
 * key instead of one per day and key.
 */
@Entity('stats_month_summaries')
// One department's months (a handler's dashboard) without reading every department's rows.
@Index('idx_stats_month_summaries_department', ['departmentId', 'month'])
export class StatsMonthSummary {
  /** YYYY-MM. */
  @PrimaryColumn({ type: 'varchar', length: 7 }) month!: string;
  @PrimaryColumn({ type: 'varchar', length: 26 }) departmentId!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) countyCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) townshipCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) villageCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) gridCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) categoryCode!: string;
  @Column({ type: 'int', default: 0 }) received!: number;
  @Column({ type: 'int', default: 0 }) responded!: number;
  @Column({ type: 'int', default: 0 }) resolved!: number;
  @Column({ type: 'int', default: 0 }) resolvedOnTime!: number;
  @Column({ type: 'int', default: 0 }) rated!: number;
  @Column({ type: 'int', default: 0 }) satisfied!: number;
  @Column({ type: 'int', default: 0 }) visitRated!: number;
  @Column({ type: 'int', default: 0 }) visitSatisfied!: number;
  @Column({ type: 'bigint', default: 0 }) resolveMsTotal!: number;
  @Column({ type: 'int', default: 0 }) resolvedLate!: number;
  @Column({ type: 'int', default: 0 }) repeatComplaints!: number;
  @Column({ type: 'int', default: 0 }) returns!: number;
}

/**
 * A month whose summary is built from its day summaries as they stand: rebuilding one of its
 * days removes it (in the day's transaction), until the job sums the month again.
 */
@Entity('stats_summarised_months')
export class StatsSummarisedMonth {
  @PrimaryColumn({ type: 'varchar', length: 7 }) month!: string;
  @DateTimeColumn() summarisedAt!: Date;
}

/** A day whose summary is built: its absence sends the day to the live statements. */
@Entity('stats_summarised_days')
export class StatsSummarisedDay {
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @DateTimeColumn() summarisedAt!: Date;
}

/**
 * How far the summaries have followed the reports: every report with an event before
 * `checkedAt` (less stats/summaries.ts SETTLE_MS) is summarised as it stands.
 */
@Entity('stats_summary_state')
export class StatsSummaryState {
  @PrimaryColumn({ type: 'varchar', length: 32 }) name!: string;
  @DateTimeColumn() checkedAt!: Date;
}

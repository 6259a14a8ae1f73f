import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The reports of a summarised day (stats/summaries.ts) still open when it was summarised, per
 * department, place and category as in its day summary, by the China day their resolve deadline
 * falls on (stats/openDeadlines.ts). 超期 as of any clock is then their count with a deadline on
 * an earlier day, plus today's reports past it, read live: no scan of the period's reports.
 */
@Entity('stats_open_deadlines')
@Index('idx_stats_open_deadlines_department', ['departmentId', 'day'])
export class StatsOpenDeadline {
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @PrimaryColumn({ type: 'varchar', length: 26 }) departmentId!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) countyCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) townshipCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) villageCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) gridCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) categoryCode!: string;
  /** The China calendar day of the resolve deadline, YYYY-MM-DD. */
  @PrimaryColumn({ type: 'varchar', length: 10 }) dueDay!: string;
  @Column({ type: 'int', default: 0 }) open!: number;
}

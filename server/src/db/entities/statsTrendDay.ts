import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The daily trend's 办结 series of a summarised day (stats/trendDays.ts): the reports resolved
 * that China day and resolved still, per department and place as they stand. Rebuilt by the
 * scheduler with the day, and again when a resolution of that day may have moved.
 */
@Entity('stats_resolution_days')
export class StatsResolutionDay {
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @PrimaryColumn({ type: 'varchar', length: 26 }) departmentId!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) countyCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) townshipCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) villageCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) gridCode!: string;
  @Column({ type: 'int', default: 0 }) resolved!: number;
}

/**
 * The daily trend's 超期 series from the reports dispatched on a summarised day (`day`, stats/trendDays.ts):
 * per China day of their resolve deadline (`dueDay`, the key's first part, as the series reads it),
 * department and place, those open or resolved after the deadline when the day was summarised —
 * overdue as of any clock past that deadline. Rebuilt with the dispatch day, whose changes the
 * day summaries already follow.
 */
@Entity('stats_due_days')
@Index('idx_stats_due_days_day', ['day'])
export class StatsDueDay {
  @PrimaryColumn({ type: 'varchar', length: 10 }) dueDay!: string;
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @PrimaryColumn({ type: 'varchar', length: 26 }) departmentId!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) countyCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) townshipCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) villageCode!: string;
  @PrimaryColumn({ type: 'varchar', length: 15 }) gridCode!: string;
  @Column({ type: 'int', default: 0 }) overdue!: number;
}

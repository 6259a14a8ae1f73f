import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, jsonText } from './columns';

/**
 * 研判简报: made each Monday for the week before, one per region (the county and each township),
 * and kept as made — the figures of the week as they stood that Monday.
 */
@Entity('weekly_briefs')
@Index('uq_weekly_briefs_week_region', ['week', 'regionCode'], { unique: true })
export class WeeklyBriefRow {
  @IdColumn() id!: string;
  /** The Monday (China calendar) the brief's week starts on: YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 }) week!: string;
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  /** The brief's sections (stats/weeklyBrief.ts WeeklyBriefContent), as JSON. */
  @Column({ type: 'text', transformer: jsonText }) content!: unknown;
  @CreatedAtColumn() createdAt!: Date;
}

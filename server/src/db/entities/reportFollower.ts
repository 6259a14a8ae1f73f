import { Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_LENGTH } from './columns';

/**
 * 我也遇到: a villager who joined someone else's report instead of filing the same matter again.
 * One row per (report, citizen): the primary key makes a second follow a no-op, and the report's
 * `followerCount` moves in the same transaction as the row.
 */
@Entity('report_followers')
@Index('idx_report_followers_citizen', ['citizenId', 'createdAt'])
// 关注最多 (stats/hotspots.ts): the reports joined since a period began.
@Index('idx_report_followers_created', ['createdAt', 'reportId'])
export class ReportFollower {
  @PrimaryColumn({ type: 'varchar', length: ID_LENGTH }) reportId!: string;
  @PrimaryColumn({ type: 'varchar', length: ID_LENGTH }) citizenId!: string;
  @DateTimeColumn() createdAt!: Date;
}

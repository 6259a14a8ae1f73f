import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type {
  AddressSource,
  CoordSystem,
  ReportStatus,
  RoutingSuggestion,
  ServiceCode,
  Tier,
  TranscriptSource,
} from '@minqing/shared';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn, UpdatedAtColumn, jsonText } from './columns';

/** A report (民情工单): a projection of its events, updated in the same transaction. */
@Entity('reports')
@Index('idx_reports_township_queue', ['townshipCode', 'status', 'createdAt'])
@Index('idx_reports_department_queue', ['departmentId', 'status', 'createdAt'])
@Index('idx_reports_citizen', ['citizenId', 'createdAt'])
@Index('idx_reports_county_queue', ['countyCode', 'status', 'createdAt'])
@Index('idx_reports_township_recent', ['townshipCode', 'createdAt'])
@Index('idx_reports_village_recent', ['villageCode', 'createdAt'])
// The duplicate search at submission: a village's recent reports of one category, chosen or predicted.
@Index('idx_reports_duplicates_category', ['villageCode', 'categoryCode', 'createdAt'])
@Index('idx_reports_duplicates_predicted', ['villageCode', 'predictedCategoryCode', 'createdAt'])
// A grid worker's queue: the village's reports of their grid or of none, newest first.
@Index('idx_reports_grid', ['villageCode', 'gridCode', 'createdAt'])
// Covers every column server/src/stats reads: a period's figures come from one index range
// (migrations StatsIndexes; the scheduler's status-first keys carry the backlog's and trends' columns).
@Index('idx_reports_stats', [
  'dispatchedAt',
  'departmentId',
  'status',
  'countyCode',
  'townshipCode',
  'villageCode',
  'gridCode',
  'categoryCode',
  'signedAt',
  'responseDueAt',
  'resolvedAt',
  'resolveDueAt',
  'rating',
  'ratingOnBehalf',
  'reopenCount',
])
// A period's reports by submission time: today's intake, repeat matters, 关注最多.
@Index('idx_reports_submitted', [
  'createdAt',
  'countyCode',
  'townshipCode',
  'villageCode',
  'gridCode',
  'departmentId',
  'status',
  'categoryCode',
  'followerCount',
])
@Index('idx_reports_department_dispatched', ['departmentId', 'dispatchedAt'])
// 代报件数 of 走访督导: a month's reports filed on a household's behalf.
@Index('idx_reports_filed_by', ['filedByStaffId', 'createdAt'])
export class Report {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 24, unique: true }) serialNo!: string;
  @Column({ type: 'varchar', length: 16 }) serviceCode!: ServiceCode;
  @Column({ type: 'varchar', length: 32, nullable: true }) categoryCode!: string | null;
  @RefColumn({ nullable: true }) departmentId!: string | null;
  @Column({ type: 'varchar', length: 15 }) countyCode!: string;
  @Column({ type: 'varchar', length: 15 }) townshipCode!: string;
  @Column({ type: 'varchar', length: 15 }) villageCode!: string;
  /**
   * The grid it belongs to (the household's, or the filing grid worker's); null for the village's
   * shared matters, which every grid worker of the village sees (policies/reportScope).
   */
  @Column({ type: 'varchar', length: 15, nullable: true }) gridCode!: string | null;
  /** The reporter; null for a 代报 whose household has no account (the filer then gets the updates). */
  @RefColumn({ nullable: true }) citizenId!: string | null;
  @BoolColumn() anonymous!: boolean;
  /** 民情直通 left 公开 on: listed on the village board and through Open311 (services/openness). */
  @BoolColumn() public!: boolean;
  @Column({ type: 'text', nullable: true }) text!: string | null;
  @Column({ type: 'text', nullable: true }) transcript!: string | null;
  /** Where the transcript came from: the phone's 同声传译 (`wechat`) or the server's transcription (`asr`). */
  @Column({ type: 'varchar', length: 8, nullable: true }) transcriptSource!: TranscriptSource | null;
  @RefColumn({ nullable: true }) voiceAttachmentId!: string | null;
  @Column({ type: 'double', nullable: true }) lat!: number | null;
  @Column({ type: 'double', nullable: true }) lng!: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) address!: string | null;
  /** The point's coordinate system (gcj02 from WeChat, wgs84 from a browser); null for a point stored before it was recorded, or no point. */
  @Column({ type: 'varchar', length: 8, nullable: true }) coordSystem!: CoordSystem | null;
  /** Who wrote the address: the citizen, or the geocoder from the point (Tencent LBS, after submission). */
  @Column({ type: 'varchar', length: 8, nullable: true }) addressSource!: AddressSource | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) contactPhoneEncrypted!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: ReportStatus;
  @Column({ type: 'varchar', length: 16 }) tier!: Tier;
  @BoolColumn() escalated!: boolean;
  /** Days asked for by a pending extension request, null when none is pending. */
  @Column({ type: 'int', nullable: true }) extensionRequestedDays!: number | null;
  @DateTimeColumn({ nullable: true }) responseDueAt!: Date | null;
  @DateTimeColumn({ nullable: true }) resolveDueAt!: Date | null;
  @DateTimeColumn({ nullable: true }) dispatchedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) signedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) resolvedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) closedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) rating!: number | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) ratingComment!: string | null;
  @RefColumn({ nullable: true }) mergedIntoId!: string | null;
  /** The classifier's best guess and its confidence, kept even when a dispatcher decides. */
  @Column({ type: 'varchar', length: 32, nullable: true }) predictedCategoryCode!: string | null;
  @Column({ type: 'double', nullable: true }) predictionConfidence!: number | null;
  /** Top-three suggestions for the triage queue, with the department each would go to. */
  @Column({ type: 'text', nullable: true, transformer: jsonText }) suggestions!: RoutingSuggestion[] | null;
  /** An open report this one closely resembles, flagged for the dispatcher to merge. */
  @RefColumn({ nullable: true }) duplicateOfId!: string | null;
  /** Times the citizen sent it back (rating ≤ 2 or dispute): the ranking's repeat complaints. */
  @Column({ type: 'int', default: 0 }) reopenCount!: number;
  /** 代表工作: the deputy the citizen chose to address, if any. */
  @RefColumn({ nullable: true }) deputyId!: string | null;
  /** 代报: the grid worker, cadre or 三线 member who filed it for a household, with the household's name and phone. */
  @RefColumn({ nullable: true }) filedByStaffId!: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) onBehalfName!: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) onBehalfPhoneEncrypted!: string | null;
  /** The roster's household it was filed for, when the filer chose one. */
  @RefColumn({ nullable: true }) householdId!: string | null;
  /** The rating is a 回访评价 the filer recorded for the household, counted apart from citizens' own. */
  @BoolColumn() ratingOnBehalf!: boolean;
  /** 我也遇到: how many villagers follow it (rows of report_followers), moved with them in one transaction. */
  @Column({ type: 'int', default: 0 }) followerCount!: number;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}

import type { PointsAwardReason, PointsReason, RedemptionStatus } from '@minqing/shared';
import { Column, Entity, Index } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn } from './columns';

/** A county's award for one reason; without a row the shared default applies. */
@Entity('points_rules')
@Index('uq_points_rules_region_reason', ['regionCode', 'reason'], { unique: true })
export class PointsRuleRow {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @Column({ type: 'varchar', length: 24 }) reason!: PointsAwardReason;
  @Column({ type: 'int' }) points!: number;
  @BoolColumn({ default: true }) enabled!: boolean;
}

/**
 * One line of a citizen's points ledger; never updated or deleted. `sourceId` names what earned or
 * spent the points (a report, a redemption, a volunteer activity), and the unique index makes
 * every award happen once.
 */
@Entity('points_entries')
@Index('uq_points_entries_source', ['citizenId', 'reason', 'sourceId'], { unique: true })
@Index('idx_points_entries_citizen', ['citizenId', 'createdAt'])
@Index('idx_points_entries_region', ['regionCode', 'createdAt'])
export class PointsEntryRow {
  @IdColumn() id!: string;
  @RefColumn() citizenId!: string;
  @Column({ type: 'int' }) delta!: number;
  @Column({ type: 'varchar', length: 24 }) reason!: PointsReason;
  @Column({ type: 'varchar', length: 64 }) sourceId!: string;
  /** The citizen's village when the points moved, for the village's ledger. */
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) note!: string | null;
  @RefColumn({ nullable: true }) staffId!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}

/** An item of a village (or township) 积分超市. */
@Entity('shop_items')
@Index('idx_shop_items_region', ['regionCode'])
export class ShopItemRow {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) description!: string | null;
  @Column({ type: 'int' }) pointsPrice!: number;
  /** Decremented by a conditional UPDATE, so concurrent redemptions never oversell. */
  @Column({ type: 'int' }) stock!: number;
  @BoolColumn({ default: true }) enabled!: boolean;
  @CreatedAtColumn() createdAt!: Date;
}

/** A citizen's exchange: points and one unit of stock reserved until a cadre hands the item over. */
@Entity('redemptions')
@Index('uq_redemptions_code', ['code'], { unique: true })
@Index('idx_redemptions_citizen', ['citizenId', 'createdAt'])
@Index('idx_redemptions_region', ['regionCode', 'status', 'createdAt'])
export class RedemptionRow {
  @IdColumn() id!: string;
  @RefColumn() citizenId!: string;
  @RefColumn() itemId!: string;
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @Column({ type: 'varchar', length: 8 }) code!: string;
  @Column({ type: 'int' }) points!: number;
  @Column({ type: 'varchar', length: 12 }) status!: RedemptionStatus;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ nullable: true }) fulfilledAt!: Date | null;
  @RefColumn({ nullable: true }) fulfilledBy!: string | null;
  @DateTimeColumn({ nullable: true }) cancelledAt!: Date | null;
}

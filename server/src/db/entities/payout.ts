import type { PayoutKind, PayoutStatus } from '@minqing/shared';
import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn, UpdatedAtColumn } from './columns';

/**
 * A reward or subsidy paid through WeChat Pay. Its id is the transfer's out_bill_no, so every
 * retry of the transfer names the same bill and WeChat Pay pays it at most once.
 */
@Entity('payouts')
@Index('uq_payouts_dedupe', ['dedupeKey'], { unique: true })
@Index('idx_payouts_region', ['regionCode', 'status', 'createdAt'])
@Index('idx_payouts_citizen', ['citizenId', 'createdAt'])
@Index('idx_payouts_pending', ['status', 'updatedAt'])
export class PayoutRow {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 12 }) kind!: PayoutKind;
  @Column({ type: 'varchar', length: 20 }) status!: PayoutStatus;
  @Column({ type: 'int' }) amountFen!: number;
  @Column({ type: 'varchar', length: 32 }) remark!: string;
  /** The recipient: a citizen account, whose openid receives the money. */
  @RefColumn() citizenId!: string;
  @RefColumn({ nullable: true }) reportId!: string | null;
  @Column({ type: 'varchar', length: 7, nullable: true }) month!: string | null;
  /** One live payout per report (rewards) or per recipient and month (subsidies); cleared when a payout ends unpaid. */
  @Column({ type: 'varchar', length: 64, nullable: true }) dedupeKey!: string | null;
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @RefColumn() proposedById!: string;
  @RefColumn({ nullable: true }) approvedById!: string | null;
  /** Why it was rejected or failed. */
  @Column({ type: 'varchar', length: 200, nullable: true }) note!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) transferBillNo!: string | null;
  /** What wx.requestMerchantTransfer needs while the recipient has to confirm. */
  @Column({ type: 'varchar', length: 512, nullable: true }) packageInfo!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
  @DateTimeColumn({ nullable: true }) settledAt!: Date | null;
}

/** Every status change of a payout and who or what caused it: staff, WeChat Pay's answer, its notification, reconciliation. */
@Entity('payout_events')
@Index('idx_payout_events_payout', ['payoutId', 'createdAt'])
export class PayoutEventRow {
  @IdColumn() id!: string;
  @RefColumn() payoutId!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) fromStatus!: PayoutStatus | null;
  @Column({ type: 'varchar', length: 20 }) toStatus!: PayoutStatus;
  @Column({ type: 'varchar', length: 16 }) source!: 'staff' | 'wechatpay' | 'notify' | 'reconcile' | 'citizen';
  @RefColumn({ nullable: true }) staffId!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) detail!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}

/** The cash ledger: one line per payout that reached the recipient, never edited. */
@Entity('cash_ledger')
@Index('uq_cash_ledger_payout', ['payoutId'], { unique: true })
@Index('idx_cash_ledger_region', ['regionCode', 'createdAt'])
export class CashLedgerRow {
  @IdColumn() id!: string;
  @RefColumn() payoutId!: string;
  @Column({ type: 'varchar', length: 12 }) kind!: PayoutKind;
  @RefColumn() citizenId!: string;
  @Column({ type: 'int' }) amountFen!: number;
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) transferBillNo!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}

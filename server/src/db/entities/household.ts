import { Column, Entity, Index } from 'typeorm';
import type { HouseholdTag } from '@minqing/shared';
import { CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn, UpdatedAtColumn, jsonText } from './columns';

/** 住户: a household of a grid's roster, looked after by one 三线 member (`liaisonId`). */
@Entity('households')
@Index('idx_households_grid', ['gridCode', 'headName'])
@Index('idx_households_liaison', ['liaisonId'])
@Index('idx_households_phone', ['phoneHash'])
export class Household {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 15 }) gridCode!: string;
  @Column({ type: 'varchar', length: 32 }) headName!: string;
  @Column({ type: 'varchar', length: 128 }) address!: string;
  /** AES-256-GCM ciphertext of the phone number (see crypto/personalData). */
  @Column({ type: 'varchar', length: 128, nullable: true }) phoneEncrypted!: string | null;
  /** Keyed hash of the phone number, to find the household by phone without decrypting. */
  @Column({ type: 'varchar', length: 64, nullable: true }) phoneHash!: string | null;
  @Column({ type: 'int' }) memberCount!: number;
  @Column({ type: 'varchar', length: 255, transformer: jsonText }) tags!: HouseholdTag[];
  @RefColumn({ nullable: true }) liaisonId!: string | null;
  /** The latest visit, kept here so the roster and the 未走访 list need no join. */
  @DateTimeColumn({ nullable: true }) lastVisitedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}

/** 走访: a visit to a household, with what was found and photos taken there. */
@Entity('visits')
@Index('idx_visits_household', ['householdId', 'visitedAt'])
@Index('idx_visits_grid', ['gridCode', 'visitedAt'])
@Index('uq_visits_client_key', ['staffId', 'clientKey'], { unique: true })
@Index('idx_visits_staff', ['staffId', 'visitedAt'])
export class Visit {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  /** The household's grid when visited: supervision counts visits per grid without a join. */
  @Column({ type: 'varchar', length: 15 }) gridCode!: string;
  @RefColumn() staffId!: string;
  @Column({ type: 'text' }) note!: string;
  @Column({ type: 'text', transformer: jsonText }) photoUploadIds!: string[];
  @DateTimeColumn() visitedAt!: Date;
  /** The Idempotency-Key the visitor's phone sent, and what it asked: a resend answers this visit. */
  @Column({ type: 'varchar', length: 64, nullable: true }) clientKey!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) requestHash!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}

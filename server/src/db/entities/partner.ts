import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn } from './columns';

/** 合作方: a system filing reports through Open311 with its api_key (kept as a SHA-256 only). */
@Entity('partners')
export class Partner {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 50 }) name!: string;
  @Column({ type: 'varchar', length: 64, unique: true }) keyHash!: string;
  @Column({ type: 'varchar', length: 16 }) keyPrefix!: string;
  /** The account its reports are filed under (never a person: openid `open311:<partner id>`). */
  @RefColumn() citizenId!: string;
  @RefColumn({ nullable: true }) createdById!: string | null;
  @DateTimeColumn({ nullable: true }) revokedAt!: Date | null;
  @RefColumn({ nullable: true }) revokedById!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn } from './columns';

/** Who did what, when, from where: every staff login and action. */
@Entity('audit_logs')
@Index('idx_audit_logs_created', ['createdAt'])
export class AuditLog {
  @IdColumn() id!: string;
  @RefColumn({ nullable: true }) staffId!: string | null;
  @Column({ type: 'varchar', length: 64 }) username!: string;
  @Column({ type: 'varchar', length: 48 }) action!: string;
  @Column({ type: 'varchar', length: 24, nullable: true }) targetType!: string | null;
  @Column({ type: 'varchar', length: 26, nullable: true }) targetId!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) detail!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}

/** A submission key remembered per citizen: the same key answers the same report. */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ type: 'varchar', length: 26 }) citizenId!: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) key!: string;
  @RefColumn() reportId!: string;
  @Column({ type: 'varchar', length: 64 }) requestHash!: string;
  @CreatedAtColumn() createdAt!: Date;
}

/** An action key remembered per staff member: the same key again answers the report instead of acting twice. */
@Entity('staff_action_keys')
export class StaffActionKey {
  @PrimaryColumn({ type: 'varchar', length: 26 }) staffId!: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) key!: string;
  @RefColumn() reportId!: string;
  @Column({ type: 'varchar', length: 64 }) requestHash!: string;
  @CreatedAtColumn() createdAt!: Date;
}

/** Daily serial-number counters, one row per prefix and day. */
@Entity('serial_counters')
export class SerialCounter {
  @PrimaryColumn({ type: 'varchar', length: 16 }) day!: string;
  @Column({ type: 'int' }) value!: number;
}

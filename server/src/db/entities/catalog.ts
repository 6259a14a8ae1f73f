import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceCode, Tier } from '@minqing/shared';
import { BoolColumn, CreatedAtColumn, IdColumn, RefColumn } from './columns';

@Entity('services')
export class ServiceEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) code!: ServiceCode;
  @Column({ type: 'varchar', length: 32 }) name!: string;
  @Column({ type: 'varchar', length: 255 }) description!: string;
  @BoolColumn() allowAnonymous!: boolean;
  @BoolColumn({ default: true }) enabled!: boolean;
  @Column({ type: 'int', default: 0 }) sortOrder!: number;
}

@Entity('categories')
export class Category {
  @PrimaryColumn({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) parentCode!: string | null;
  @Column({ type: 'varchar', length: 16 }) tier!: Tier;
  /** Hours to sign for the report (响应时限). */
  @Column({ type: 'int' }) responseHours!: number;
  /** Days to resolve it (办结时限). */
  @Column({ type: 'int' }) resolveDays!: number;
  /** Kind of department that acts by default, looked up in the report's township, then the county. */
  @Column({ type: 'varchar', length: 32, nullable: true }) departmentKind!: string | null;
  @Column({ type: 'int', default: 0 }) sortOrder!: number;
  /** 停用: no longer offered to citizens or dispatchers; kept because reports refer to it. */
  @BoolColumn() disabled!: boolean;
}

/** (category, region) → department; looked up from the village up to the county. */
@Entity('routing_rules')
export class RoutingRule {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 32 }) categoryCode!: string;
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @RefColumn() departmentId!: string;
  @CreatedAtColumn() createdAt!: Date;
}

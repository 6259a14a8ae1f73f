import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RegionLevel } from '@minqing/shared';
import { BoolColumn } from './columns';

/** County → township → village → grid, keyed by official-style codes (610921 汉阴县 …). */
@Entity('regions')
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 15 }) code!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) level!: RegionLevel;
  @Column({ type: 'varchar', length: 15, nullable: true }) parentCode!: string | null;
  @Column({ type: 'int', default: 0 }) sortOrder!: number;
  /** 停用: hidden from citizens' pickers; kept because reports and staff refer to it. */
  @BoolColumn() disabled!: boolean;
}

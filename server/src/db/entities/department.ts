import { Column, Entity } from 'typeorm';
import type { DepartmentLevel } from '@minqing/shared';
import { BoolColumn, CreatedAtColumn, IdColumn } from './columns';

@Entity('departments')
export class Department {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) level!: DepartmentLevel;
  /** The region the department serves: a county bureau has the county, a township station its township. */
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  /** The kind of matter it acts on (power, agriculture, civil, …); categories route by kind. */
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  /** 停用: receives no new reports (routing, dispatch); kept because reports refer to it. */
  @BoolColumn() disabled!: boolean;
  @CreatedAtColumn() createdAt!: Date;
}

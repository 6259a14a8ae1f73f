import { Column, Entity, Index } from 'typeorm';
import { IdColumn } from './columns';

/** A people's deputy (人大代表) citizens may address through the 代表工作 service. */
@Entity('deputies')
@Index('idx_deputies_region', ['regionCode', 'sortOrder'])
export class Deputy {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 32 }) name!: string;
  /** '县人大代表', '镇人大代表' … */
  @Column({ type: 'varchar', length: 32 }) title!: string;
  /** The village, township or county the deputy represents. */
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @Column({ type: 'int', default: 0 }) sortOrder!: number;
}

import { Column, Entity } from 'typeorm';
import type { StaffRole } from '@minqing/shared';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, IdColumn, RefColumn } from './columns';

@Entity('staff')
export class Staff {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 64, unique: true }) username!: string;
  @Column({ type: 'varchar', length: 255 }) passwordHash!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) role!: StaffRole;
  /** Root of the region subtree this account may see. */
  @Column({ type: 'varchar', length: 15 }) regionCode!: string;
  @RefColumn({ nullable: true }) departmentId!: string | null;
  @BoolColumn() disabled!: boolean;
  @Column({ type: 'int', default: 0 }) failedLogins!: number;
  @DateTimeColumn({ nullable: true }) lockedUntil!: Date | null;
  /** Raised on logout or password change: every older token stops working. */
  @Column({ type: 'int', default: 0 }) tokenVersion!: number;
  /** Set when an administrator chose the password: the account must change it before anything else. */
  @BoolColumn() mustChangePassword!: boolean;
  /** The WeChat (openid) this account signs in with on the 工作台; one account per WeChat. */
  @Column({ type: 'varchar', length: 64, nullable: true }) wechatOpenid!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}

import { Column, Entity } from 'typeorm';
import { BoolColumn, CreatedAtColumn, IdColumn } from './columns';

@Entity('citizens')
export class Citizen {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 64, unique: true }) openid!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) unionid!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) nickname!: string | null;
  @Column({ type: 'varchar', length: 15, nullable: true }) villageCode!: string | null;
  /** AES-256-GCM ciphertext of the phone number (see crypto/personalData). */
  @Column({ type: 'varchar', length: 128, nullable: true }) phoneEncrypted!: string | null;
  /** Keyed hash of the phone number, for lookup without decrypting. */
  @Column({ type: 'varchar', length: 64, nullable: true }) phoneHash!: string | null;
  @BoolColumn() careMode!: boolean;
  @CreatedAtColumn() createdAt!: Date;
}

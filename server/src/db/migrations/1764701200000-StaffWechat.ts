import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { str } from './columns';

/** Staff sign in on the 工作台 by WeChat once bound: one openid belongs to one account. */
const openid = new TableColumn(str('wechatOpenid', 64, true));
const unique = new TableIndex({ name: 'uq_staff_wechat_openid', columnNames: ['wechatOpenid'], isUnique: true });

export class StaffWechat1764701200000 implements MigrationInterface {
  name = 'StaffWechat1764701200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('staff', openid);
    await queryRunner.createIndex('staff', unique);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('staff', unique.name!);
    await queryRunner.dropColumn('staff', openid.name);
  }
}

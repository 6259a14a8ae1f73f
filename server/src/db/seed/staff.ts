import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { StaffRole } from '@minqing/shared';
import { hashPassword } from '../../crypto/passwords';
import { Staff } from '../entities';
import { newId } from '../ids';
import { VILLAGE_COMMITTEE_KIND, departmentId } from './departments';
import { DEMO_REGIONS } from './regions';

/** Every demo account signs in with this; documented for demo users, never for production. */
export const DEMO_STAFF_PASSWORD = 'Demo@321';

export interface DemoAccount {
  username: string;
  name: string;
  role: StaffRole;
  regionCode: string;
  departmentId: string | null;
}

/** One account per role, plus a second township so scope can be tried out (and tested). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', name: '刘志强', role: 'sysadmin', regionCode: DEMO_REGIONS.county, departmentId: null },
  { username: 'county', name: '陈静', role: 'county', regionCode: DEMO_REGIONS.county, departmentId: null },
  { username: 'chengguan', name: '王芳', role: 'dispatcher', regionCode: DEMO_REGIONS.chengguan, departmentId: null },
  {
    username: 'gongdian',
    name: '张伟',
    role: 'handler',
    regionCode: DEMO_REGIONS.chengguan,
    departmentId: departmentId(DEMO_REGIONS.chengguan, 'power'),
  },
  {
    username: 'cadre',
    name: '李秀兰',
    role: 'cadre',
    regionCode: DEMO_REGIONS.chengguanVillage,
    departmentId: departmentId(DEMO_REGIONS.chengguanVillage, VILLAGE_COMMITTEE_KIND),
  },
  { username: 'wangge', name: '周明', role: 'grid_worker', regionCode: DEMO_REGIONS.chengguanGrid, departmentId: null },
  { username: 'sanxian', name: '何建国', role: 'liaison', regionCode: DEMO_REGIONS.chengguanGrid, departmentId: null },
  { username: 'jianchi', name: '赵磊', role: 'dispatcher', regionCode: DEMO_REGIONS.jianchi, departmentId: null },
  {
    username: 'jianchi_gongdian',
    name: '孙建军',
    role: 'handler',
    regionCode: DEMO_REGIONS.jianchi,
    departmentId: departmentId(DEMO_REGIONS.jianchi, 'power'),
  },
];

/** Usernames of the demo accounts not in the table yet. */
export async function missingUsernames(manager: EntityManager): Promise<string[]> {
  const usernames = DEMO_ACCOUNTS.map((account) => account.username);
  const existing = await manager
    .getRepository(Staff)
    .find({ select: ['username'], where: { username: In(usernames) } });
  const taken = new Set(existing.map((staff) => staff.username));
  return usernames.filter((username) => !taken.has(username));
}

/**
 * argon2 is deliberately slow, so hashes are made in parallel and before the seed's
 * transaction opens (SQLite has one writer; holding it while hashing would stall requests).
 */
export async function hashDemoPasswords(usernames: readonly string[]): Promise<Map<string, string>> {
  const hashes = await Promise.all(
    usernames.map((username) => hashPassword(DEMO_STAFF_PASSWORD).then((hash) => [username, hash] as const)),
  );
  return new Map(hashes);
}

/**
 * Creates the demo accounts that do not exist. An existing username is left exactly as it
 * is: re-seeding must never reset a password, role or lock someone changed.
 */
export async function seedStaff(manager: EntityManager, hashes: ReadonlyMap<string, string>): Promise<number> {
  const missing = new Set(await missingUsernames(manager));
  const rows: Omit<Staff, 'createdAt'>[] = [];
  for (const account of DEMO_ACCOUNTS.filter((candidate) => missing.has(candidate.username))) {
    // Only if the account vanished between the pre-check and this transaction.
    const passwordHash = hashes.get(account.username) ?? (await hashPassword(DEMO_STAFF_PASSWORD));
    rows.push({
      id: newId(),
      ...account,
      passwordHash,
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      tokenVersion: 0,
      mustChangePassword: false,
      wechatOpenid: null,
    });
  }
  if (rows.length > 0) await manager.getRepository(Staff).insert(rows);
  return rows.length;
}

/** Ids of demo accounts by username, for content authorship. */
export async function demoStaffIds(manager: EntityManager): Promise<Map<string, string>> {
  const usernames = DEMO_ACCOUNTS.map((account) => account.username);
  const rows = await manager
    .getRepository(Staff)
    .find({ select: ['id', 'username'], where: { username: In(usernames) } });
  return new Map(rows.map((staff) => [staff.username, staff.id]));
}

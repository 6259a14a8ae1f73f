import type { DataSource } from 'typeorm';
import type { RegionLevel, ServiceCode, StaffRole, Tier } from '@minqing/shared';
import { SERVICE_CODES, SERVICE_NAMES } from '@minqing/shared';
import type { AppDeps } from '../context';
import { Category, Citizen, Department, Deputy, Region, ServiceEntity, Staff } from '../db/entities';
import { newId } from '../db/ids';

/** A small county: two townships with a village each, stations in both and one county bureau. */
export const REGIONS = {
  county: '610921',
  chengguan: '610921100',
  chengguanVillage: '610921100201',
  chengguanGrid: '610921100201001',
  jianchi: '610921101',
  jianchiVillage: '610921101201',
} as const;

export async function buildRegion(
  ds: DataSource,
  code: string,
  name: string,
  level: RegionLevel,
  parentCode: string | null,
) {
  return ds.getRepository(Region).save({ code, name, level, parentCode, sortOrder: 0 });
}

export async function buildDepartment(ds: DataSource, overrides: Partial<Department> = {}): Promise<Department> {
  return ds.getRepository(Department).save({
    id: newId(),
    name: '城关镇供电所',
    level: 'township',
    regionCode: REGIONS.chengguan,
    kind: 'power',
    ...overrides,
  });
}

export async function buildCategory(ds: DataSource, overrides: Partial<Category> = {}): Promise<Category> {
  return ds.getRepository(Category).save({
    code: 'power',
    name: '供电',
    parentCode: null,
    tier: 'general' as Tier,
    responseHours: 24,
    resolveDays: 7,
    departmentKind: 'power',
    sortOrder: 0,
    ...overrides,
  });
}

export async function buildServices(ds: DataSource): Promise<void> {
  await ds.getRepository(ServiceEntity).save(
    SERVICE_CODES.map((code: ServiceCode, index) => ({
      code,
      name: SERVICE_NAMES[code],
      description: SERVICE_NAMES[code],
      allowAnonymous: code === 'illegal',
      enabled: true,
      sortOrder: index,
    })),
  );
}

export interface World {
  power: Department;
  jianchiPower: Department;
  agriculture: Department;
  powerCategory: Category;
}

export async function buildWorld(ds: DataSource): Promise<World> {
  await buildRegion(ds, REGIONS.county, '汉阴县', 'county', null);
  await buildRegion(ds, REGIONS.chengguan, '城关镇', 'township', REGIONS.county);
  await buildRegion(ds, REGIONS.chengguanVillage, '五一村', 'village', REGIONS.chengguan);
  await buildRegion(ds, REGIONS.chengguanGrid, '五一村第一网格', 'grid', REGIONS.chengguanVillage);
  await buildRegion(ds, REGIONS.jianchi, '涧池镇', 'township', REGIONS.county);
  await buildRegion(ds, REGIONS.jianchiVillage, '紫云村', 'village', REGIONS.jianchi);
  await buildServices(ds);
  const power = await buildDepartment(ds);
  const jianchiPower = await buildDepartment(ds, { name: '涧池镇供电所', regionCode: REGIONS.jianchi });
  const agriculture = await buildDepartment(ds, {
    name: '县农业农村局',
    level: 'county',
    regionCode: REGIONS.county,
    kind: 'agriculture',
  });
  const powerCategory = await buildCategory(ds);
  return { power, jianchiPower, agriculture, powerCategory };
}

/** A precomputed argon2id hash of `Demo@321`, so factories need not hash. */
export const DEMO_PASSWORD = 'Demo@321';
export const DEMO_PASSWORD_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$c2FsdHNhbHRzYWx0c2FsdA$fIOp1Vg0FlNz57Q6zaaSn74a1ECxm9atAksXccOJK/4';

export async function buildStaff(ds: DataSource, overrides: Partial<Staff> & { role: StaffRole }): Promise<Staff> {
  return ds.getRepository(Staff).save({
    id: newId(),
    username: `${overrides.role}-${newId().slice(-6).toLowerCase()}`,
    passwordHash: DEMO_PASSWORD_HASH,
    name: '测试人员',
    regionCode: REGIONS.chengguan,
    departmentId: null,
    disabled: false,
    failedLogins: 0,
    lockedUntil: null,
    tokenVersion: 0,
    ...overrides,
  });
}

export async function buildCitizen(ds: DataSource, overrides: Partial<Citizen> = {}): Promise<Citizen> {
  return ds.getRepository(Citizen).save({
    id: newId(),
    openid: `openid-${newId()}`,
    unionid: null,
    nickname: '张大爷',
    villageCode: REGIONS.chengguanVillage,
    phoneEncrypted: null,
    phoneHash: null,
    careMode: false,
    ...overrides,
  });
}

export function staffToken(deps: AppDeps, staff: Staff): string {
  return deps.tokens.sign({
    sub: staff.id,
    kind: 'staff',
    ver: staff.tokenVersion,
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
}

export function citizenToken(deps: AppDeps, citizen: Citizen): string {
  return deps.tokens.sign({ sub: citizen.id, kind: 'citizen', ver: 0, exp: Math.floor(Date.now() / 1000) + 3600 });
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Submits a report over HTTP as `citizen`; text-only unless the body says otherwise. */
export async function submitReport(
  app: { http: import('supertest').Agent | ReturnType<typeof import('supertest')>; deps: AppDeps },
  citizen: Citizen,
  body: Record<string, unknown> = {},
  idempotencyKey?: string,
) {
  const request = app.http
    .post('/api/v1/reports')
    .set(bearer(citizenToken(app.deps, citizen)))
    .send({
      serviceCode: 'direct',
      villageCode: REGIONS.chengguanVillage,
      text: '村口电线杆倾斜，存在安全隐患',
      ...body,
    });
  return idempotencyKey ? request.set('Idempotency-Key', idempotencyKey) : request;
}

export async function buildDeputy(ds: DataSource, overrides: Partial<Deputy> = {}): Promise<Deputy> {
  return ds.getRepository(Deputy).save({
    id: newId(),
    name: '张德明',
    title: '镇人大代表',
    regionCode: REGIONS.chengguanVillage,
    sortOrder: 0,
    ...overrides,
  });
}

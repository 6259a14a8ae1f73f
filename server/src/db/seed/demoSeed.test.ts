import type { DataSource } from 'typeorm';
import { verifyPassword, hashPassword } from '../../crypto/passwords';
import { PersonalDataCipher } from '../../crypto/personalData';
import { createTestDataSource } from '../../test/testDatabase';
import {
  Article,
  Category,
  Department,
  Deputy,
  Household,
  Notice,
  Region,
  ServiceEntity,
  Staff,
  Visit,
} from '../entities';
import { GOVERNMENT_CATEGORY_NAMES } from './categories';
import { departmentId } from './departments';
import { type SeedSummary, seedDemo } from './demoSeed';
import { DEMO_STAFF_PASSWORD } from './staff';

const cipher = new PersonalDataCipher(Buffer.alloc(32, 7));

const TOWNS = [
  '城关镇',
  '涧池镇',
  '蒲溪镇',
  '平梁镇',
  '双乳镇',
  '铁佛寺镇',
  '漩涡镇',
  '汉阳镇',
  '双河口镇',
  '观音河镇',
];

/** Kinds of department villagers' concerns need (data/village/README.md). */
const VILLAGE_KINDS = [
  'power',
  'agriculture',
  'civil',
  'police',
  'environment',
  'roads',
  'water',
  'health',
  'labor',
  'disputes',
  'education',
  'land',
  'risk',
  'report_in',
  'deputy',
];

describe('seedDemo', () => {
  let dataSource: DataSource;
  let first: SeedSummary;
  let second: SeedSummary;

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    first = await seedDemo(dataSource, { cipher });
    second = await seedDemo(dataSource, { cipher });
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('is idempotent: a second run adds nothing', async () => {
    const { inserted: firstInserted, ...firstCounts } = first;
    const { inserted: secondInserted, ...secondCounts } = second;
    expect(secondCounts).toEqual(firstCounts);
    expect(firstInserted).toEqual(firstCounts);
    expect(Object.values(secondInserted).every((count) => count === 0)).toBe(true);
    expect(await dataSource.getRepository(Region).count()).toBe(first.regions);
    expect(await dataSource.getRepository(Department).count()).toBe(first.departments);
    expect(first.notices).toBeGreaterThanOrEqual(3);
    expect(first.articles).toBeGreaterThanOrEqual(3);
    expect(first.shopItems).toBe(10);
  });

  it('has the county and its ten towns in order with 9-digit codes', async () => {
    const regions = dataSource.getRepository(Region);
    expect(await regions.findOneBy({ code: '610921' })).toMatchObject({
      name: '汉阴县',
      level: 'county',
      parentCode: null,
    });
    const towns = await regions.find({ where: { parentCode: '610921' }, order: { sortOrder: 'ASC' } });
    expect(towns.map((town) => town.name)).toEqual(TOWNS);
    expect(towns.map((town) => town.code)).toEqual(TOWNS.map((_name, index) => `${610921100 + index}`));
    expect(towns.every((town) => town.level === 'township')).toBe(true);
  });

  it('gives every township at least three villages, each with grids, under prefix codes', async () => {
    const all = await dataSource.getRepository(Region).find();
    const childrenOf = (code: string) => all.filter((region) => region.parentCode === code);
    for (const region of all.filter((candidate) => candidate.parentCode !== null)) {
      expect(region.code.startsWith(region.parentCode ?? '')).toBe(true);
    }
    for (const town of childrenOf('610921')) {
      const villages = childrenOf(town.code);
      expect(villages.length).toBeGreaterThanOrEqual(3);
      for (const village of villages) {
        expect(village).toMatchObject({ level: 'village' });
        expect(village.code).toHaveLength(12);
        const grids = childrenOf(village.code);
        expect(grids.length).toBeGreaterThanOrEqual(1);
        expect(grids.every((grid) => grid.level === 'grid' && grid.code.length === 15)).toBe(true);
      }
    }
    expect(all.find((region) => region.code === '610921100201')?.name).toBe('五一村');
    expect(all.find((region) => region.code === '610921101201')?.name).toBe('紫云村');
  });

  it('has a department for every village kind, in each township or at the county', async () => {
    const departments = await dataSource.getRepository(Department).find();
    const towns = await dataSource.getRepository(Region).findBy({ level: 'township' });
    for (const kind of VILLAGE_KINDS) {
      for (const town of towns) {
        const reachable = departments.some(
          (department) =>
            department.kind === kind && (department.regionCode === town.code || department.regionCode === '610921'),
        );
        expect({ kind, town: town.name, reachable }).toEqual({ kind, town: town.name, reachable: true });
      }
    }
    expect(departments.find((department) => department.id === departmentId('610921100', 'power'))?.name).toBe(
      '城关镇供电所',
    );
    const villages = await dataSource.getRepository(Region).findBy({ level: 'village' });
    for (const village of villages) {
      expect(
        departments.filter((department) => department.regionCode === village.code && department.kind === 'village'),
      ).toHaveLength(1);
    }
    expect(departments.every((department) => /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/.test(department.id))).toBe(true);
  });

  it('has categories whose department kind exists, covering every village kind', async () => {
    const categories = await dataSource.getRepository(Category).find();
    const kinds = new Set((await dataSource.getRepository(Department).find()).map((department) => department.kind));
    for (const category of categories) {
      if (category.departmentKind !== null)
        expect({ code: category.code, exists: kinds.has(category.departmentKind) }).toEqual({
          code: category.code,
          exists: true,
        });
      if (category.parentCode !== null)
        expect(categories.some((parent) => parent.code === category.parentCode)).toBe(true);
    }
    const categoryKinds = new Set(categories.map((category) => category.departmentKind));
    expect(VILLAGE_KINDS.filter((kind) => !categoryKinds.has(kind))).toEqual([]);
    const names = new Set(categories.map((category) => category.name));
    expect(GOVERNMENT_CATEGORY_NAMES).toHaveLength(15);
    expect(GOVERNMENT_CATEGORY_NAMES.filter((name) => !names.has(name))).toEqual([]);
    expect(categories.find((category) => category.code === 'power')).toMatchObject({
      responseHours: 24,
      resolveDays: 3,
    });
    expect(categories.find((category) => category.code === 'power_pole')).toMatchObject({
      parentCode: 'power',
      responseHours: 2,
    });
  });

  it('has the five services, only 违法举报 anonymous', async () => {
    const services = await dataSource.getRepository(ServiceEntity).find({ order: { sortOrder: 'ASC' } });
    expect(services.map((service) => service.code)).toEqual(['epidemic', 'risk', 'direct', 'illegal', 'deputy']);
    expect(services.filter((service) => service.allowAnonymous).map((service) => service.code)).toEqual(['illegal']);
    expect(services.every((service) => service.description.length > 0)).toBe(true);
  });

  it('seeds deputies for 城关镇 and its first village, each representing a known region', async () => {
    const deputies = await dataSource.getRepository(Deputy).find();
    expect(first.deputies).toBeGreaterThanOrEqual(4);
    expect(deputies.filter((deputy) => deputy.regionCode === '610921100').length).toBeGreaterThanOrEqual(2);
    expect(deputies.filter((deputy) => deputy.regionCode === '610921100201').length).toBeGreaterThanOrEqual(2);
    const regions = new Set((await dataSource.getRepository(Region).find()).map((region) => region.code));
    expect(deputies.filter((deputy) => !regions.has(deputy.regionCode))).toEqual([]);
    expect(second.inserted.deputies).toBe(0);
  });

  it('seeds households in every 城关镇 grid, those of 五一村第一网格 looked after by sanxian, with visits', async () => {
    const households = await dataSource.getRepository(Household).find();
    const grids = await dataSource.getRepository(Region).find({ where: { level: 'grid' } });
    const chengguanGrids = grids.filter((grid) => grid.code.startsWith('610921100')).map((grid) => grid.code);
    expect(new Set(households.map((household) => household.gridCode))).toEqual(new Set(chengguanGrids));
    const sanxian = await dataSource.getRepository(Staff).findOneByOrFail({ username: 'sanxian' });
    const looked = households.filter((household) => household.liaisonId === sanxian.id);
    expect(looked.length).toBeGreaterThan(0);
    expect(looked.every((household) => household.gridCode === '610921100201001')).toBe(true);
    for (const household of households) expect(cipher.decrypt(household.phoneEncrypted!)).toMatch(/^1\d{10}$/);
    const visits = await dataSource.getRepository(Visit).find();
    expect(visits.length).toBeGreaterThan(0);
    expect(visits.every((visit) => visit.staffId === sanxian.id)).toBe(true);
    expect(second.inserted.households).toBe(0);
  });

  it('creates the demo accounts with their roles and scopes, all signing in with Demo@321', async () => {
    const staff = dataSource.getRepository(Staff);
    const expected = [
      { username: 'admin', role: 'sysadmin', regionCode: '610921', departmentId: null },
      { username: 'county', role: 'county', regionCode: '610921', departmentId: null },
      { username: 'chengguan', role: 'dispatcher', regionCode: '610921100', departmentId: null },
      {
        username: 'gongdian',
        role: 'handler',
        regionCode: '610921100',
        departmentId: departmentId('610921100', 'power'),
      },
      {
        username: 'cadre',
        role: 'cadre',
        regionCode: '610921100201',
        departmentId: departmentId('610921100201', 'village'),
      },
      { username: 'sanxian', role: 'liaison', regionCode: '610921100201001', departmentId: null },
      { username: 'jianchi', role: 'dispatcher', regionCode: '610921101', departmentId: null },
      {
        username: 'jianchi_gongdian',
        role: 'handler',
        regionCode: '610921101',
        departmentId: departmentId('610921101', 'power'),
      },
    ];
    for (const account of expected) {
      const row = await staff.findOneByOrFail({ username: account.username });
      expect(row).toMatchObject({ ...account, disabled: false });
      expect(row.name).toMatch(/\p{Script=Han}/u);
      expect(await verifyPassword(row.passwordHash, DEMO_STAFF_PASSWORD)).toBe(true);
    }
    const gongdian = await staff.findOneByOrFail({ username: 'gongdian' });
    const department = await dataSource.getRepository(Department).findOneByOrFail({ id: gongdian.departmentId ?? '' });
    expect(department).toMatchObject({ name: '城关镇供电所', kind: 'power', regionCode: '610921100' });
  });

  it('authors sample content as the seeded accounts, one notice pinned', async () => {
    const notices = await dataSource.getRepository(Notice).find();
    const staffIds = new Set((await dataSource.getRepository(Staff).find()).map((row) => row.id));
    expect(notices.filter((notice) => notice.pinned)).toHaveLength(1);
    expect(new Set(notices.map((notice) => notice.regionCode))).toEqual(
      new Set(['610921', '610921100', '610921100201']),
    );
    expect(new Set(notices.map((notice) => notice.category))).toEqual(
      new Set(['party', 'village', 'finance', 'government']),
    );
    const articles = await dataSource.getRepository(Article).find();
    expect(new Set(articles.map((article) => article.category))).toEqual(new Set(['policy', 'guide', 'news']));
    for (const item of [...notices, ...articles]) {
      expect(item.status).toBe('published');
      expect(item.publishedAt).toBeInstanceOf(Date);
      expect(staffIds.has(item.authorId)).toBe(true);
    }
  });

  it('never resets a changed password, nor brings back deleted content', async () => {
    const staff = dataSource.getRepository(Staff);
    const admin = await staff.findOneByOrFail({ username: 'admin' });
    await staff.update({ id: admin.id }, { passwordHash: await hashPassword('Changed#2026') });
    const notices = dataSource.getRepository(Notice);
    const notice = await notices.findOneByOrFail({ pinned: true });
    await notices.delete({ id: notice.id });

    const again = await seedDemo(dataSource, { cipher });

    const after = await staff.findOneByOrFail({ username: 'admin' });
    expect(after.id).toBe(admin.id);
    expect(await verifyPassword(after.passwordHash, 'Changed#2026')).toBe(true);
    expect(await verifyPassword(after.passwordHash, DEMO_STAFF_PASSWORD)).toBe(false);
    expect(again.notices).toBe(first.notices - 1);
    expect(again.staff).toBe(first.staff);
  });

  it('adds back a deleted reference row with the same id', async () => {
    const id = departmentId('610921101', 'power');
    await dataSource.getRepository(Department).delete({ id });
    const again = await seedDemo(dataSource, { cipher });
    expect(again.inserted.departments).toBe(1);
    expect(await dataSource.getRepository(Department).findOneBy({ id })).toMatchObject({ name: '涧池镇供电所' });
  });
});

import type { DataSource, EntityManager } from 'typeorm';
import type { PersonalDataCipher } from '../../crypto/personalData';
import { transaction } from '../dataSource';
import {
  Article,
  Category,
  Department,
  Deputy,
  Household,
  Notice,
  Region,
  ReplyTemplate,
  ServiceEntity,
  ShopItemRow,
  Staff,
  Visit,
} from '../entities';
import { demoCategories } from './categories';
import { seedArticles, seedNotices } from './content';
import { demoDepartments } from './departments';
import { demoDeputies } from './deputies';
import { seedHouseholds } from './households';
import { insertMissing } from './insertMissing';
import { demoRegions } from './regions';
import { seedReplyTemplates } from './replyTemplates';
import { demoServices } from './services';
import { demoShopItems } from './shop';
import { demoStaffIds, hashDemoPasswords, missingUsernames, seedStaff } from './staff';

export interface SeedCounts {
  regions: number;
  departments: number;
  services: number;
  categories: number;
  staff: number;
  notices: number;
  articles: number;
  deputies: number;
  replyTemplates: number;
  shopItems: number;
  households: number;
  visits: number;
}

/** Rows in each table after seeding, and how many this run added (0 everywhere on a re-run). */
export interface SeedSummary extends SeedCounts {
  inserted: SeedCounts;
}

/**
 * Seeds the demo county (PRODUCT.md §10): Hanyin's regions, departments, services,
 * categories, demo staff accounts and sample content. Idempotent: rows are keyed by code,
 * deterministic department id or username and only missing ones are added, so it runs at
 * every demo start-up and leaves what people changed alone.
 */
export async function seedDemo(dataSource: DataSource, options: { cipher: PersonalDataCipher }): Promise<SeedSummary> {
  const hashes = await hashDemoPasswords(await missingUsernames(dataSource.manager));
  const now = new Date();
  const inserted = await transaction(dataSource, async (manager): Promise<SeedCounts> => {
    const regions = await insertMissing(manager, Region, 'code', demoRegions());
    const departments = await insertMissing(manager, Department, 'id', demoDepartments());
    const services = await insertMissing(manager, ServiceEntity, 'code', demoServices());
    const categories = await insertMissing(manager, Category, 'code', demoCategories());
    const staff = await seedStaff(manager, hashes);
    const authors = await demoStaffIds(manager);
    const notices = await seedNotices(manager, authors, now);
    const articles = await seedArticles(manager, authors, now);
    const deputies = await insertMissing(manager, Deputy, 'id', demoDeputies());
    const replyTemplates = await seedReplyTemplates(manager, now);
    const shopItems = await insertMissing(manager, ShopItemRow, 'id', demoShopItems(now));
    const roster = await seedHouseholds(manager, {
      cipher: options.cipher,
      liaisonId: authors.get('sanxian') ?? null,
      now,
    });
    return {
      regions,
      departments,
      services,
      categories,
      staff,
      notices,
      articles,
      deputies,
      replyTemplates,
      shopItems,
      ...roster,
    };
  });
  return { ...(await countRows(dataSource.manager)), inserted };
}

async function countRows(manager: EntityManager): Promise<SeedCounts> {
  const [
    regions,
    departments,
    services,
    categories,
    staff,
    notices,
    articles,
    deputies,
    replyTemplates,
    shopItems,
    households,
    visits,
  ] = await Promise.all([
    manager.count(Region),
    manager.count(Department),
    manager.count(ServiceEntity),
    manager.count(Category),
    manager.count(Staff),
    manager.count(Notice),
    manager.count(Article),
    manager.count(Deputy),
    manager.count(ReplyTemplate),
    manager.count(ShopItemRow),
    manager.count(Household),
    manager.count(Visit),
  ]);
  return {
    regions,
    departments,
    services,
    categories,
    staff,
    notices,
    articles,
    deputies,
    replyTemplates,
    shopItems,
    households,
    visits,
  };
}

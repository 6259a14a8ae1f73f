import { REPLY_TEMPLATE_PLACEHOLDERS } from '@minqing/shared';
import type { DataSource } from 'typeorm';
import { createTestDataSource } from '../../test/testDatabase';
import { ReplyTemplate } from '../entities';
import { demoCategories } from './categories';
import { demoRegions } from './regions';
import { seedReplyTemplates } from './replyTemplates';

describe('demo reply templates', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createTestDataSource();
  });
  afterAll(() => dataSource.destroy());

  it('refer to seeded categories and regions and use only known placeholders', async () => {
    expect(await seedReplyTemplates(dataSource.manager, new Date())).toBeGreaterThanOrEqual(5);
    const templates = await dataSource.getRepository(ReplyTemplate).find();
    const categories = new Set(demoCategories().map((category) => category.code));
    const regions = new Set(demoRegions().map((region) => region.code));
    expect(templates.some((template) => template.categoryCode === null)).toBe(true);
    for (const template of templates) {
      if (template.categoryCode) expect(categories).toContain(template.categoryCode);
      expect(regions).toContain(template.regionCode);
      for (const placeholder of template.body.match(/\{[^}]*\}/g) ?? [])
        expect(REPLY_TEMPLATE_PLACEHOLDERS).toContain(placeholder);
    }
  });

  it('seeds only an empty table, so what the staff deleted stays deleted', async () => {
    const [first] = await dataSource.getRepository(ReplyTemplate).find({ take: 1 });
    await dataSource.getRepository(ReplyTemplate).delete({ id: first.id });
    expect(await seedReplyTemplates(dataSource.manager, new Date())).toBe(0);
    expect(await dataSource.getRepository(ReplyTemplate).countBy({ id: first.id })).toBe(0);
  });
});

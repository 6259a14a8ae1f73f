import type { ReplyTemplateQuery } from '@minqing/shared';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ReplyTemplate, type Staff } from '../../db/entities';
import { templateRegionsFor } from '../../policies/replyTemplate';
import { paged } from '../paging';

/**
 * The templates an editor manages and sees: those of their own region and below, and — read-only —
 * those of the regions above, which their staff are offered too.
 */
export function buildTemplateQuery(
  manager: EntityManager,
  staff: Staff,
  filters: ReplyTemplateQuery,
): SelectQueryBuilder<ReplyTemplate> {
  const query = manager
    .getRepository(ReplyTemplate)
    .createQueryBuilder('template')
    .where('(template.regionCode LIKE :subtree OR template.regionCode IN (:...above))', {
      subtree: `${staff.regionCode}%`,
      above: templateRegionsFor(staff.regionCode),
    });
  if (filters.categoryCode === 'general') query.andWhere('template.categoryCode IS NULL');
  else if (filters.categoryCode)
    query.andWhere('template.categoryCode = :categoryCode', { categoryCode: filters.categoryCode });
  if (filters.enabled !== undefined) query.andWhere('template.enabled = :enabled', { enabled: filters.enabled });
  if (filters.keyword) {
    // '!' escapes LIKE wildcards the same way on SQLite and MySQL (a backslash does not).
    const like = `%${filters.keyword.replace(/[!%_]/g, (match) => `!${match}`)}%`;
    query.andWhere("(template.title LIKE :keyword ESCAPE '!' OR template.body LIKE :keyword ESCAPE '!')", {
      keyword: like,
    });
  }
  return paged(
    query
      .orderBy('template.categoryCode', 'ASC')
      .addOrderBy('template.regionCode', 'ASC')
      .addOrderBy('template.title', 'ASC')
      .addOrderBy('template.id', 'ASC'),
    filters,
  );
}

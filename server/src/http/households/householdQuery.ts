import type { HouseholdQuery, VisitQuery } from '@minqing/shared';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Household, Visit } from '../../db/entities';
import { type HouseholdScope, whereHouseholdInScope } from '../../policies/household';
import { narrowerRegion } from '../../policies/scope';
import { paged } from '../paging';

/** '!' escapes LIKE wildcards the same way on SQLite and MySQL (a backslash does not). */
const likeText = (text: string) => `%${text.replace(/[!%_]/g, (match) => `!${match}`)}%`;

/** The roster page a staff member asked for, within their scope; null when the region filter lies outside it. */
export function buildHouseholdQuery(
  manager: EntityManager,
  scope: HouseholdScope,
  filters: HouseholdQuery,
): SelectQueryBuilder<Household> | null {
  const region = narrowerRegion(scope.regionCode, filters.regionCode);
  if (region === null) return null;
  const query = manager.getRepository(Household).createQueryBuilder('household');
  whereHouseholdInScope(query, 'household', scope, region);
  // Tags are a JSON array of codes: each code appears quoted exactly once.
  (filters.tags ?? []).forEach((tag, index) =>
    query.andWhere(`household.tags LIKE :tag${index}`, { [`tag${index}`]: `%"${tag}"%` }),
  );
  if (filters.liaisonId) query.andWhere('household.liaisonId = :liaisonId', { liaisonId: filters.liaisonId });
  if (filters.keyword)
    query.andWhere("(household.headName LIKE :keyword ESCAPE '!' OR household.address LIKE :keyword ESCAPE '!')", {
      keyword: likeText(filters.keyword),
    });
  return paged(
    query
      .orderBy('household.gridCode', 'ASC')
      .addOrderBy('household.headName', 'ASC')
      .addOrderBy('household.id', 'ASC'),
    filters,
  );
}

/** Visits to households within the scope, newest first; null when the region filter lies outside it. */
export function buildVisitQuery(
  manager: EntityManager,
  scope: HouseholdScope,
  filters: VisitQuery,
): SelectQueryBuilder<Visit> | null {
  const region = narrowerRegion(scope.regionCode, filters.regionCode);
  if (region === null) return null;
  const query = manager
    .getRepository(Visit)
    .createQueryBuilder('visit')
    .innerJoin(Household, 'household', 'household.id = visit.householdId');
  whereHouseholdInScope(query, 'household', scope, region);
  if (filters.householdId) query.andWhere('visit.householdId = :householdId', { householdId: filters.householdId });
  return paged(query.orderBy('visit.visitedAt', 'DESC').addOrderBy('visit.id', 'DESC'), filters);
}

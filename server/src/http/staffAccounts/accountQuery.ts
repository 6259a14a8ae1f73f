import type { EntityManager } from 'typeorm';
import type { StaffAccountQuery } from '@minqing/shared';
import { Staff } from '../../db/entities';
import { forbidden } from '../../errors';
import { narrowerRegion } from '../../policies/scope';
import { paged } from '../paging';

/** The accounts in the manager's region (and the region filter), by region then username. */
export function findStaffAccounts(
  manager: EntityManager,
  actor: Staff,
  filters: StaffAccountQuery,
): Promise<[Staff[], number]> {
  const region = narrowerRegion(actor.regionCode, filters.regionCode);
  if (!region) throw forbidden('只能查看本辖区的账号');
  const query = manager
    .getRepository(Staff)
    .createQueryBuilder('staff')
    .where('staff.regionCode LIKE :region', { region: `${region}%` });
  if (filters.role) query.andWhere('staff.role = :role', { role: filters.role });
  if (filters.status) query.andWhere('staff.disabled = :disabled', { disabled: filters.status === 'disabled' });
  if (filters.keyword) {
    // '!' escapes LIKE wildcards the same way on SQLite and MySQL (a backslash does not).
    const like = `%${filters.keyword.replace(/[!%_]/g, (match) => `!${match}`)}%`;
    query.andWhere("(staff.username LIKE :keyword ESCAPE '!' OR staff.name LIKE :keyword ESCAPE '!')", {
      keyword: like,
    });
  }
  return paged(query.orderBy('staff.regionCode', 'ASC').addOrderBy('staff.username', 'ASC'), filters).getManyAndCount();
}

import type { EntityManager } from 'typeorm';
import { type Citizen, Household, type Staff } from '../db/entities';
import { isWithin, levelOfCode } from '../policies/scope';

/**
 * The grid (网格) a new report belongs to, which decides the grid workers who see it
 * (policies/reportScope), or null for a matter of the whole village:
 *
 * - a 代报 for a household of the roster: that household's grid;
 * - a 代报 filed by someone placed in a grid (a grid worker, a 三线 member): the filer's grid;
 * - otherwise the grid of the reporter's household: the first (by id) of the report's village whose
 *   phone matches the account's bound phone, compared by the lookup hash, never decrypted.
 *
 * A grid outside the report's village is not the report's: such a report stays the village's. An
 * anonymous report belongs to no grid: its grid would point at the reporter's household.
 */
export async function reportGridOf(
  manager: EntityManager,
  props: {
    villageCode: string;
    anonymous: boolean;
    citizen: Pick<Citizen, 'phoneHash'> | null;
    onBehalf?: { staff: Pick<Staff, 'regionCode'>; householdId: string | null };
  },
): Promise<string | null> {
  const { villageCode, citizen, onBehalf } = props;
  if (props.anonymous) return null;
  const inVillage = (gridCode: string | null | undefined) =>
    gridCode && isWithin(gridCode, villageCode) ? gridCode : null;
  if (onBehalf?.householdId) {
    const household = await manager.getRepository(Household).findOneBy({ id: onBehalf.householdId });
    return inVillage(household?.gridCode);
  }
  if (onBehalf && levelOfCode(onBehalf.staff.regionCode) === 'grid') return inVillage(onBehalf.staff.regionCode);
  if (!citizen?.phoneHash) return null;
  const households = await manager
    .getRepository(Household)
    .createQueryBuilder('household')
    .select(['household.id', 'household.gridCode'])
    .where('household.phoneHash = :phoneHash', { phoneHash: citizen.phoneHash })
    .orderBy('household.id', 'ASC')
    .getMany();
  return households.map((row) => inVillage(row.gridCode)).find(Boolean) ?? null;
}

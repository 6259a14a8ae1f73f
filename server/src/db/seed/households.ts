import type { HouseholdTag } from '@minqing/shared';
import type { EntityManager } from 'typeorm';
import type { PersonalDataCipher } from '../../crypto/personalData';
import { Household, Visit } from '../entities';
import { insertMissing } from './insertMissing';
import { DEMO_REGIONS, TOWNSHIPS, gridCode, villageCode } from './regions';
import { stableId } from './stableId';

/** Fictional households: names, addresses and phone numbers are made up for the demo. */
const HOUSEHOLDS: readonly { head: string; members: number; tags: HouseholdTag[] }[] = [
  { head: '李德顺', members: 1, tags: ['elderly_alone'] },
  { head: '王桂英', members: 3, tags: ['left_behind_child', 'low_income'] },
  { head: '张有福', members: 2, tags: ['disabled'] },
];
const DAY_MS = 24 * 3600_000;

/** Every grid of 城关镇, three households each; those of 五一村第一网格 are looked after by the demo 三线 member. */
function demoHouseholdRows(cipher: PersonalDataCipher, liaisonId: string | null, now: Date): Household[] {
  const chengguan = TOWNSHIPS[0];
  return chengguan.villages.flatMap((villageName, villageIndex) =>
    [0, 1].flatMap((gridIndex) => {
      const grid = gridCode(villageCode(chengguan.code, villageIndex), gridIndex);
      return HOUSEHOLDS.map((household, index) => {
        const phone = `1555${grid.slice(-5, -3)}${grid.slice(-1)}${String(index).padStart(4, '0')}`;
        return Object.assign(new Household(), {
          id: stableId(`household:${grid}:${index}`),
          gridCode: grid,
          headName: household.head,
          address: `${villageName}${gridIndex + 1}组 ${index * 7 + 3} 号`,
          phoneEncrypted: cipher.encrypt(phone),
          phoneHash: cipher.lookupHash(phone),
          memberCount: household.members,
          tags: household.tags,
          liaisonId: grid === DEMO_REGIONS.chengguanGrid ? liaisonId : null,
          lastVisitedAt: null,
          createdAt: now,
          updatedAt: now,
        });
      });
    }),
  );
}

/** Two visits of the demo 三线 member: one last week, one long ago, so the 未走访 list has something to show. */
function demoVisitRows(households: Household[], liaisonId: string, now: Date): Visit[] {
  const mine = households.filter((household) => household.gridCode === DEMO_REGIONS.chengguanGrid);
  const visits: [Household, string, number][] = [
    [mine[0], '老人身体尚好，冬季取暖煤已备齐，嘱咐注意用火安全。', 5],
    [mine[1], '两个孩子在校情况良好，低保年审材料已代为提交。', 45],
  ];
  return visits.map(([household, note, daysAgo]) =>
    Object.assign(new Visit(), {
      id: stableId(`visit:${household.id}:${daysAgo}`),
      householdId: household.id,
      gridCode: household.gridCode,
      staffId: liaisonId,
      note,
      photoUploadIds: [],
      visitedAt: new Date(now.getTime() - daysAgo * DAY_MS),
      createdAt: now,
    }),
  );
}

/** Seeds the demo roster and visits, leaving rows that exist alone; returns how many of each were added. */
export async function seedHouseholds(
  manager: EntityManager,
  props: { cipher: PersonalDataCipher; liaisonId: string | null; now: Date },
): Promise<{ households: number; visits: number }> {
  const households = demoHouseholdRows(props.cipher, props.liaisonId, props.now);
  const visits = props.liaisonId ? demoVisitRows(households, props.liaisonId, props.now) : [];
  for (const visit of visits) {
    const household = households.find((candidate) => candidate.id === visit.householdId)!;
    if (!household.lastVisitedAt || household.lastVisitedAt < visit.visitedAt)
      household.lastVisitedAt = visit.visitedAt;
  }
  return {
    households: await insertMissing(manager, Household, 'id', households),
    visits: await insertMissing(manager, Visit, 'id', visits),
  };
}

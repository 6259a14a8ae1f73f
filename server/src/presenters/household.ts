import { type Household as HouseholdDto, type Visit as VisitDto, villageOf } from '@minqing/shared';
import { type PersonalDataCipher, maskPhone } from '../crypto/personalData';
import type { Household, Staff, Visit } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';

/** A household as staff see it: the phone masked, never in full. */
export function presentHousehold(
  household: Household,
  deps: { cipher: PersonalDataCipher; reference: Pick<ReferenceSnapshot, 'regions'>; liaisons: Map<string, Staff> },
): HouseholdDto {
  const liaison = household.liaisonId ? deps.liaisons.get(household.liaisonId) : undefined;
  return {
    id: household.id,
    gridCode: household.gridCode,
    gridName: deps.reference.regions.get(household.gridCode)?.name ?? household.gridCode,
    villageName: deps.reference.regions.get(villageOf(household.gridCode))?.name ?? '',
    headName: household.headName,
    address: household.address,
    phone: household.phoneEncrypted ? maskPhone(deps.cipher.decrypt(household.phoneEncrypted)) : null,
    memberCount: household.memberCount,
    tags: household.tags,
    liaison: liaison ? { id: liaison.id, name: liaison.name } : null,
    lastVisitedAt: household.lastVisitedAt?.toISOString() ?? null,
    createdAt: household.createdAt.toISOString(),
  };
}

export function presentVisit(visit: Visit, household: Household, visitor: Staff | undefined): VisitDto {
  return {
    id: visit.id,
    household: {
      id: household.id,
      headName: household.headName,
      address: household.address,
      gridCode: household.gridCode,
    },
    visitor: visitor ? { id: visitor.id, name: visitor.name } : null,
    note: visit.note,
    photoUploadIds: visit.photoUploadIds,
    visitedAt: visit.visitedAt.toISOString(),
  };
}

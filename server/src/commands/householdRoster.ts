import type { CheckedHouseholdInput } from '@minqing/shared';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { PersonalDataCipher } from '../crypto/personalData';
import { Household, Staff } from '../db/entities';
import { newId } from '../db/ids';
import type { ReferenceSnapshot } from '../db/referenceData';
import { staffCanKeepRosterOf } from '../policies/household';
import { recordAudit } from './auditRecorder';

/** Why a household cannot be placed as asked, and the field to blame; null when it can. */
export interface PlacementProblem {
  field: 'gridCode' | 'liaisonId';
  message: string;
}

/**
 * A household must sit in an existing grid of the editor's region, and the 三线 member who looks
 * after it must be an enabled liaison account of that very grid.
 */
export function placementProblem(
  editor: Staff,
  reference: Pick<ReferenceSnapshot, 'regions'>,
  liaisons: Map<string, Staff>,
  placement: { gridCode: string; liaisonId: string | null },
): PlacementProblem | null {
  const grid = reference.regions.get(placement.gridCode);
  if (grid?.level !== 'grid') return { field: 'gridCode', message: '没有这个网格' };
  if (!staffCanKeepRosterOf(editor, placement.gridCode))
    return { field: 'gridCode', message: '只能登记本辖区网格的住户' };
  if (placement.liaisonId === null) return null;
  const liaison = liaisons.get(placement.liaisonId);
  if (liaison?.role !== 'liaison' || liaison.disabled) return { field: 'liaisonId', message: '没有这个三线成员账号' };
  if (liaison.regionCode !== placement.gridCode) return { field: 'liaisonId', message: '三线成员须是该网格的' };
  return null;
}

export async function liaisonsById(manager: EntityManager, ids: (string | null)[]): Promise<Map<string, Staff>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = wanted.length ? await manager.getRepository(Staff).findBy({ id: In(wanted) }) : [];
  return new Map(found.map((staff) => [staff.id, staff]));
}

/** A household row from checked input: the phone sealed, with its lookup hash. */
export function householdRow(cipher: PersonalDataCipher, input: CheckedHouseholdInput, now: Date): Household {
  return Object.assign(new Household(), {
    id: newId(),
    gridCode: input.gridCode,
    headName: input.headName,
    address: input.address,
    phoneEncrypted: input.phone ? cipher.encrypt(input.phone) : null,
    phoneHash: input.phone ? cipher.lookupHash(input.phone) : null,
    memberCount: input.memberCount,
    tags: input.tags,
    liaisonId: input.liaisonId,
    lastVisitedAt: null,
    createdAt: now,
    updatedAt: now,
  });
}

/** Stores the households of one import, all or none, with one audit line. */
export async function storeHouseholds(
  manager: EntityManager,
  props: {
    editor: Staff;
    cipher: PersonalDataCipher;
    households: CheckedHouseholdInput[];
    now: Date;
    ip: string;
    action: 'household.create' | 'household.import';
  },
): Promise<Household[]> {
  return manager.transaction(async (tx) => {
    const rows = props.households.map((input) => householdRow(props.cipher, input, props.now));
    // Chunks keep each INSERT well under the databases' parameter limits.
    for (let start = 0; start < rows.length; start += 200)
      await tx.getRepository(Household).insert(rows.slice(start, start + 200));
    const detail = props.action === 'household.create' ? rows[0].headName : `${rows.length} 户`;
    await recordAudit(tx, {
      staff: props.editor,
      action: props.action,
      targetType: 'household',
      targetId: props.action === 'household.create' ? rows[0].id : undefined,
      ip: props.ip,
      detail,
    });
    return rows;
  });
}

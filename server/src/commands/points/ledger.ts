import { DEFAULT_POINTS_RULES, type PointsAwardReason, type PointsReason } from '@minqing/shared';
import { In, type EntityManager } from 'typeorm';
import { PointsEntryRow, PointsRuleRow } from '../../db/entities';
import { newId } from '../../db/ids';
import { isUniqueViolation } from '../../db/uniqueViolation';
import { ancestorsOf } from '../../policies/scope';

export interface LedgerLine {
  citizenId: string;
  reason: PointsReason;
  /** What earned or spent the points; with the reason, it makes the line happen at most once. */
  sourceId: string;
  delta: number;
  regionCode: string;
  note?: string | null;
  staffId?: string | null;
  at: Date;
}

/**
 * Appends one line unless the same (citizen, reason, source) is already there: retries, double
 * clicks and concurrent requests never award or charge twice. Returns whether it was written.
 */
export async function appendLedgerLine(manager: EntityManager, line: LedgerLine): Promise<boolean> {
  const repository = manager.getRepository(PointsEntryRow);
  if (await repository.exists({ where: { citizenId: line.citizenId, reason: line.reason, sourceId: line.sourceId } }))
    return false;
  try {
    await repository.insert({
      id: newId(),
      citizenId: line.citizenId,
      reason: line.reason,
      sourceId: line.sourceId,
      delta: line.delta,
      regionCode: line.regionCode,
      note: line.note?.slice(0, 100) ?? null,
      staffId: line.staffId ?? null,
      createdAt: line.at,
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function balanceOf(manager: EntityManager, citizenId: string): Promise<number> {
  const row = await manager
    .getRepository(PointsEntryRow)
    .createQueryBuilder('entry')
    .select('COALESCE(SUM(entry.delta), 0)', 'balance')
    .where('entry.citizenId = :citizenId', { citizenId })
    .getRawOne<{ balance: string | number }>();
  return Number(row?.balance ?? 0);
}

/** The rule nearest to the region (village, then township, then county), else the shared default. */
export async function ruleFor(
  manager: EntityManager,
  regionCode: string,
  reason: PointsAwardReason,
): Promise<{ points: number; enabled: boolean }> {
  const chain = ancestorsOf(regionCode);
  const rows = await manager.getRepository(PointsRuleRow).findBy({ reason, regionCode: In(chain) });
  const nearest = rows.sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
  return nearest
    ? { points: nearest.points, enabled: nearest.enabled }
    : { points: DEFAULT_POINTS_RULES[reason], enabled: true };
}

/** An award by the rule of the citizen's region; nothing when the rule is off or worth nothing. */
export async function awardByRule(
  manager: EntityManager,
  award: Omit<LedgerLine, 'delta'> & { reason: PointsAwardReason; points?: number },
): Promise<boolean> {
  const rule = await ruleFor(manager, award.regionCode, award.reason);
  const points = award.points ?? rule.points;
  if (!rule.enabled || points <= 0) return false;
  return appendLedgerLine(manager, { ...award, delta: points });
}

import crypto from 'node:crypto';
import { REDEMPTION_CODE_LENGTH } from '@minqing/shared';
import type { EntityManager } from 'typeorm';
import type { AppDeps } from '../../context';
import { dialectOf, transaction } from '../../db/dataSource';
import { Citizen, RedemptionRow, ShopItemRow, type Staff } from '../../db/entities';
import { newId } from '../../db/ids';
import { isUniqueViolation } from '../../db/uniqueViolation';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { type Canceller, redemptionCancelRefusal } from '../../policies/points';
import { isWithin } from '../../policies/scope';
import { appendLedgerLine, balanceOf } from './ledger';

/**
 * One citizen's redemptions run one at a time: on MySQL the citizen row is locked for the
 * transaction (SQLite transactions are already serialised by `transaction`), so two taps on
 * 兑换 cannot both spend the same points. It must be the transaction's first statement: InnoDB's
 * repeatable-read snapshot is taken at the first plain read, and the balance must be read after
 * the lock is held, not from a snapshot older than the other tap's commit.
 */
async function lockCitizen(manager: EntityManager, citizenId: string): Promise<void> {
  if (dialectOf(manager.connection) !== 'mysql') return;
  await manager
    .getRepository(Citizen)
    .createQueryBuilder('citizen')
    .setLock('pessimistic_write')
    .where('citizen.id = :citizenId', { citizenId })
    .getOne();
}

/** Takes one unit of stock if there is one: a single conditional UPDATE, so stock never goes below zero. */
async function takeStock(manager: EntityManager, itemId: string): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(ShopItemRow)
    .set({ stock: () => 'stock - 1' })
    .where('id = :itemId AND stock > 0 AND enabled = :enabled', { itemId, enabled: true })
    .execute();
  return (result.affected ?? 0) === 1;
}

function randomCode(): string {
  return String(crypto.randomInt(0, 10 ** REDEMPTION_CODE_LENGTH)).padStart(REDEMPTION_CODE_LENGTH, '0');
}

/** 兑换: points and one unit of stock are reserved; the cadre hands the item over against the code. */
export function redeem(deps: AppDeps, citizen: Citizen, itemId: string): Promise<RedemptionRow> {
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    await lockCitizen(manager, citizen.id);
    const item = await manager.getRepository(ShopItemRow).findOneBy({ id: itemId });
    if (!item?.enabled) throw notFound('该商品已下架');
    if (!citizen.villageCode || !isWithin(citizen.villageCode, item.regionCode))
      throw forbidden('只能兑换本村（社区）积分超市的商品');
    const balance = await balanceOf(manager, citizen.id);
    if (balance < item.pointsPrice)
      throw conflict(`积分不足：需要 ${item.pointsPrice} 分，当前 ${balance} 分`, 'itemId');
    if (!(await takeStock(manager, item.id))) throw conflict('该商品已兑完', 'itemId');
    const redemption = Object.assign(new RedemptionRow(), {
      id: newId(),
      citizenId: citizen.id,
      itemId: item.id,
      regionCode: item.regionCode,
      points: item.pointsPrice,
      status: 'reserved' as const,
      createdAt: now,
      fulfilledAt: null,
      fulfilledBy: null,
      cancelledAt: null,
    });
    await insertWithFreshCode(manager, redemption);
    await appendLedgerLine(manager, {
      citizenId: citizen.id,
      reason: 'redemption',
      sourceId: redemption.id,
      delta: -item.pointsPrice,
      regionCode: citizen.villageCode,
      note: item.name,
      at: now,
    });
    return redemption;
  });
}

async function insertWithFreshCode(manager: EntityManager, redemption: RedemptionRow): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    redemption.code = randomCode();
    try {
      await manager.getRepository(RedemptionRow).insert(redemption);
      return;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** 取消兑换: the stock goes back on the shelf and the points back to the citizen, once. */
export function cancelRedemption(deps: AppDeps, redemptionId: string, by: Canceller): Promise<RedemptionRow> {
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    const redemption = await manager.getRepository(RedemptionRow).findOneBy({ id: redemptionId });
    if (!redemption) throw notFound('没有找到该兑换记录');
    const refusal = redemptionCancelRefusal(by, redemption);
    if (refusal) throw refusal.status === 403 ? forbidden(refusal.message) : conflict(refusal.message);
    // Conditional on the status just checked: of a cancel and a collection at once, only one happens.
    if (!(await moveStatus(manager, redemption.id, 'cancelled', { cancelledAt: now })))
      throw conflict('只有待领取的兑换才能取消');
    await manager
      .createQueryBuilder()
      .update(ShopItemRow)
      .set({ stock: () => 'stock + 1' })
      .where('id = :id', { id: redemption.itemId })
      .execute();
    const citizen = await manager.getRepository(Citizen).findOneByOrFail({ id: redemption.citizenId });
    await appendLedgerLine(manager, {
      citizenId: redemption.citizenId,
      reason: 'redemption_refund',
      sourceId: redemption.id,
      delta: redemption.points,
      regionCode: citizen.villageCode ?? redemption.regionCode,
      staffId: 'staff' in by ? by.staff.id : null,
      at: now,
    });
    return Object.assign(redemption, { status: 'cancelled', cancelledAt: now });
  });
}

/** 核销: the cadre checks the code the villager shows and hands the item over. */
export function fulfilRedemption(deps: AppDeps, staff: Staff, code: string): Promise<RedemptionRow> {
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    const redemption = await manager.getRepository(RedemptionRow).findOneBy({ code });
    if (!redemption) throw badRequest('兑换码不存在，请核对', 'code');
    if (!isWithin(redemption.regionCode, staff.regionCode)) throw forbidden('该兑换码不属于您管辖的积分超市');
    if (!(await moveStatus(manager, redemption.id, 'fulfilled', { fulfilledAt: now, fulfilledBy: staff.id }))) {
      throw conflict(redemption.status === 'fulfilled' ? '该兑换码已核销，请勿重复发放' : '该兑换已取消', 'code');
    }
    return Object.assign(redemption, { status: 'fulfilled', fulfilledAt: now, fulfilledBy: staff.id });
  });
}

/** reserved → fulfilled | cancelled, as one conditional UPDATE: whoever comes second is told so. */
async function moveStatus(
  manager: EntityManager,
  id: string,
  status: 'fulfilled' | 'cancelled',
  changes: Partial<RedemptionRow>,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(RedemptionRow)
    .set({ status, ...changes })
    .where('id = :id AND status = :reserved', { id, reserved: 'reserved' })
    .execute();
  return (result.affected ?? 0) === 1;
}

import { Citizen, Staff } from '../db/entities';
import { REGIONS } from '../test/factories';
import { redemptionAllowedActions, redemptionCancelRefusal } from './points';

const citizen = Object.assign(new Citizen(), { id: 'C1' });
const keeper = Object.assign(new Staff(), { id: 'S1', role: 'cadre', regionCode: REGIONS.chengguanVillage });
const elsewhere = Object.assign(new Staff(), { id: 'S2', role: 'cadre', regionCode: REGIONS.jianchiVillage });
const redemption = (status: 'reserved' | 'fulfilled' | 'cancelled') => ({
  citizenId: 'C1',
  regionCode: REGIONS.chengguanVillage,
  status,
});

describe('redemption policy: the status and who asks', () => {
  it('lets the citizen and the keeper of the shop cancel a redemption still waiting to be collected', () => {
    expect(redemptionAllowedActions({ citizen }, redemption('reserved'))).toEqual(['cancel']);
    expect(redemptionAllowedActions({ staff: keeper }, redemption('reserved'))).toEqual(['cancel']);
  });

  it('gives nothing to another citizen, to staff of another region, or once collected or cancelled', () => {
    const other = Object.assign(new Citizen(), { id: 'C2' });
    expect(redemptionAllowedActions({ citizen: other }, redemption('reserved'))).toEqual([]);
    expect(redemptionAllowedActions({ staff: elsewhere }, redemption('reserved'))).toEqual([]);
    expect(redemptionAllowedActions({ citizen }, redemption('fulfilled'))).toEqual([]);
    expect(redemptionAllowedActions({ staff: keeper }, redemption('cancelled'))).toEqual([]);
  });

  it('says why: 403 for who asks, 409 for the status', () => {
    expect(redemptionCancelRefusal({ staff: elsewhere }, redemption('fulfilled'))?.status).toBe(403);
    expect(redemptionCancelRefusal({ citizen }, redemption('fulfilled'))).toEqual({
      status: 409,
      message: '只有待领取的兑换才能取消',
    });
  });
});

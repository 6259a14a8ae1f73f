import type { StaffAbility, StaffMe } from '@minqing/shared';

/**
 * Whether the server lets this account do it (StaffMe.abilities, from the server's policies): the
 * 工作台 shows what the account may use and keeps no role lists of its own. A session saved on
 * the phone before abilities were sent has none until the account signs in again.
 */
export function can(staff: Pick<StaffMe, 'abilities'> | null | undefined, ability: StaffAbility): boolean {
  return Boolean(staff?.abilities?.includes(ability));
}

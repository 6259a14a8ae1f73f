import type { StaffMe } from '@minqing/shared';
import { STORAGE_KEYS, readStored, removeStored, writeStored } from './storage';

/**
 * The 工作台's signed-in staff member. Kept apart from the citizen's token: a grid worker is a
 * villager too, and signing out of one never signs out of the other.
 */
export interface StaffSession {
  token: string;
  expiresAt: string;
  staff: StaffMe;
}

/** The session, or null when there is none or it has expired. */
export function currentStaffSession(now: number = Date.now()): StaffSession | null {
  const session = readStored<StaffSession>(STORAGE_KEYS.staffSession);
  if (!session || typeof session.token !== 'string' || !session.staff) return null;
  return Date.parse(session.expiresAt) > now ? session : null;
}

export function saveStaffSession(session: StaffSession): void {
  writeStored(STORAGE_KEYS.staffSession, session);
}

/** Keeps the token, with the staff member as the server now describes them (e.g. after binding WeChat). */
export function updateStaffMe(staff: StaffMe): void {
  const session = readStored<StaffSession>(STORAGE_KEYS.staffSession);
  if (session) writeStored(STORAGE_KEYS.staffSession, { ...session, staff });
}

export function clearStaffSession(): void {
  removeStored(STORAGE_KEYS.staffSession);
}

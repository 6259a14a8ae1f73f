import { LIMITS } from '@minqing/shared';
import type { Repository } from 'typeorm';
import type { AppDeps } from '../context';
import type { Staff } from '../db/entities';

/** Minutes left of a lockout, or null when the account is not locked. */
export function lockedMinutesLeft(staff: Staff, now: Date): number | null {
  if (!staff.lockedUntil || staff.lockedUntil <= now) return null;
  return Math.ceil((staff.lockedUntil.getTime() - now.getTime()) / 60000);
}

/**
 * A wrong password counts toward the lockout wherever it is typed (sign-in or password change),
 * so a stolen session cannot be used to guess the password at leisure.
 */
export async function countPasswordFailure(
  repository: Repository<Staff>,
  staff: Staff,
  now: Date,
): Promise<{ failures: number; locked: boolean }> {
  const failures = staff.failedLogins + 1;
  const locked = failures >= LIMITS.staffLoginMaxFailures;
  await repository.update(staff.id, {
    failedLogins: locked ? 0 : failures,
    lockedUntil: locked ? new Date(now.getTime() + LIMITS.staffLockMinutes * 60000) : null,
  });
  return { failures, locked };
}

/** A bearer token for the account's current token version, valid for the staff session length. */
export function issueStaffToken(deps: AppDeps, staff: Staff, now: Date): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + LIMITS.staffTokenHours * 3600_000);
  const token = deps.tokens.sign({
    sub: staff.id,
    kind: 'staff',
    ver: staff.tokenVersion,
    exp: Math.floor(expiresAt.getTime() / 1000),
  });
  return { token, expiresAt };
}

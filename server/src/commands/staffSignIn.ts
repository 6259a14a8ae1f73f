import { LIMITS } from '@minqing/shared';
import type { AppDeps } from '../context';
import { Staff } from '../db/entities';
import { accountLocked, invalidCredentials } from '../errors';
import { recordAudit } from './auditRecorder';
import { verifyPassword } from './passwords';

/**
 * Username + password. Repeated failures lock the account for a while; every attempt,
 * successful or not, is audited with the caller's address.
 */
export async function staffSignIn(deps: AppDeps, props: { username: string; password: string; ip: string }) {
  const repository = deps.dataSource.getRepository(Staff);
  const now = deps.clock();
  const staff = await repository.findOneBy({ username: props.username });
  const audit = (action: string, detail?: string) =>
    recordAudit(deps.dataSource.manager, { staff, username: props.username, action, ip: props.ip, detail, at: now });

  if (!staff || staff.disabled) {
    await audit('login_failed', staff ? 'disabled' : 'unknown user');
    throw invalidCredentials();
  }
  if (staff.lockedUntil && staff.lockedUntil > now) {
    await audit('login_refused_locked');
    throw accountLocked(Math.ceil((staff.lockedUntil.getTime() - now.getTime()) / 60000));
  }
  if (!(await verifyPassword(staff.passwordHash, props.password))) {
    const failures = staff.failedLogins + 1;
    const locks = failures >= LIMITS.staffLoginMaxFailures;
    await repository.update(staff.id, {
      failedLogins: locks ? 0 : failures,
      lockedUntil: locks ? new Date(now.getTime() + LIMITS.staffLockMinutes * 60000) : null,
    });
    await audit(locks ? 'login_locked' : 'login_failed', `failure ${failures}`);
    if (locks) throw accountLocked(LIMITS.staffLockMinutes);
    throw invalidCredentials();
  }
  await repository.update(staff.id, { failedLogins: 0, lockedUntil: null });
  await audit('login');
  const expiresAt = new Date(now.getTime() + LIMITS.staffTokenHours * 3600_000);
  const token = deps.tokens.sign({ sub: staff.id, kind: 'staff', ver: staff.tokenVersion, exp: Math.floor(expiresAt.getTime() / 1000) });
  return { staff, token, expiresAt };
}

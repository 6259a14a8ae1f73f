import { LIMITS } from '@minqing/shared';
import type { AppDeps } from '../context';
import { Staff } from '../db/entities';
import { accountLocked, invalidCredentials } from '../errors';
import { recordAudit } from './auditRecorder';
import { verifyPassword } from '../crypto/passwords';
import { countPasswordFailure, issueStaffToken, lockedMinutesLeft } from './staffPasswordGuard';

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
  const minutesLeft = lockedMinutesLeft(staff, now);
  if (minutesLeft !== null) {
    await audit('login_refused_locked');
    throw accountLocked(minutesLeft);
  }
  if (!(await verifyPassword(staff.passwordHash, props.password))) {
    const { failures, locked } = await countPasswordFailure(repository, staff, now);
    await audit(locked ? 'login_locked' : 'login_failed', `failure ${failures}`);
    if (locked) throw accountLocked(LIMITS.staffLockMinutes);
    throw invalidCredentials();
  }
  await repository.update(staff.id, { failedLogins: 0, lockedUntil: null });
  await audit('login');
  return { staff, ...issueStaffToken(deps, staff, now) };
}

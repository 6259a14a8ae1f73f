import { passwordWeakness } from '@minqing/shared';
import type { StaffRole } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Staff } from '../db/entities';
import { newId } from '../db/ids';
import { isUniqueViolation } from '../db/uniqueViolation';
import { badRequest, conflict } from '../errors';
import { accountScopeProblem } from '../policies/staffAccount';
import { recordAudit } from './auditRecorder';
import { generatePassword } from '../crypto/passwordGenerator';
import { hashPassword } from '../crypto/passwords';
import { scopeError } from './managedAccount';

export interface NewStaffAccount {
  username: string;
  name: string;
  role: StaffRole;
  regionCode: string;
  departmentId: string | null;
  password?: string;
}

/**
 * A new staff account in the manager's reach. The initial password (chosen or generated) is known
 * to the manager, so the account must change it at its first sign-in; a generated one is answered once.
 */
export async function createStaffAccount(
  deps: AppDeps,
  props: { manager: Staff; input: NewStaffAccount; ip: string },
): Promise<{ account: Staff; generatedPassword: string | null }> {
  const { manager, input } = props;
  const problem = accountScopeProblem(manager, input, await deps.reference.snapshot());
  if (problem) throw scopeError(problem);
  const weakness = input.password === undefined ? null : passwordWeakness(input.password, input.username);
  if (weakness) throw badRequest(weakness, 'password');
  const password = input.password ?? generatePassword();
  const account = Object.assign(new Staff(), {
    id: newId(),
    username: input.username,
    passwordHash: await hashPassword(password),
    name: input.name,
    role: input.role,
    regionCode: input.regionCode,
    departmentId: input.departmentId,
    disabled: false,
    failedLogins: 0,
    lockedUntil: null,
    tokenVersion: 0,
    mustChangePassword: true,
    createdAt: deps.clock(),
  });
  try {
    await transaction(deps.dataSource, async (manager) => {
      await manager.getRepository(Staff).insert(account);
      await recordAudit(manager, {
        staff: props.manager,
        action: 'staff_account.create',
        targetType: 'staff',
        targetId: account.id,
        ip: props.ip,
        detail: `${account.username} ${account.role}@${account.regionCode}${account.departmentId ? ` 部门 ${account.departmentId}` : ''}`,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('该账号已存在，请换一个', 'username');
    throw error;
  }
  return { account, generatedPassword: input.password === undefined ? password : null };
}

import type { EntityManager } from 'typeorm';
import { Staff } from '../db/entities';
import { type AppError, badRequest, forbidden, notFound } from '../errors';
import { canManageAccount } from '../policies/staffAccount';
import type { ScopeProblem } from '../policies/staffAccount';

/** A scope that does not fit is the caller's mistake (400, naming the field); one out of reach is 403. */
export function scopeError(problem: ScopeProblem): AppError {
  return problem.status === 403 ? forbidden(problem.message) : badRequest(problem.message, problem.field);
}

/**
 * The account a manager is about to change: 404 when there is none, 403 when it is out of their
 * reach, or their own and `selfRefusal` says why that is not done here.
 */
export async function loadManagedAccount(
  manager: EntityManager,
  props: { actor: Staff; accountId: string; selfRefusal?: string },
): Promise<Staff> {
  const account = await manager.getRepository(Staff).findOneBy({ id: props.accountId });
  if (!account) throw notFound('没有找到该账号');
  if (!canManageAccount(props.actor, account)) throw forbidden('您不能管理该账号');
  if (props.selfRefusal && account.id === props.actor.id) throw forbidden(props.selfRefusal);
  return account;
}

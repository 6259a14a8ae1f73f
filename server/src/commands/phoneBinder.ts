import type { AppDeps } from '../context';
import { Citizen } from '../db/entities';
import { isUniqueViolation } from '../db/uniqueViolation';
import { conflict } from '../errors';

const boundToAnother = () => conflict('这个手机号已绑定其他账号，一个手机号只能绑定一个账号');

/**
 * 绑定手机号: stores the number encrypted with its lookup hash. A number belongs to one citizen
 * (volunteer points and payouts find the villager by it); the unique index on the hash settles
 * two bindings racing for the same number.
 */
export async function bindPhone(deps: AppDeps, props: { citizen: Citizen; phone: string }): Promise<Citizen> {
  const { citizen, phone } = props;
  const phoneHash = deps.cipher.lookupHash(phone);
  const repository = deps.dataSource.getRepository(Citizen);
  const holder = await repository.findOneBy({ phoneHash });
  if (holder && holder.id !== citizen.id) throw boundToAnother();
  const phoneEncrypted = deps.cipher.encrypt(phone);
  try {
    await repository.update({ id: citizen.id }, { phoneHash, phoneEncrypted });
  } catch (error) {
    if (isUniqueViolation(error)) throw boundToAnother();
    throw error;
  }
  return Object.assign(citizen, { phoneHash, phoneEncrypted });
}

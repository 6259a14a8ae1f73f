import { LIMITS } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Citizen } from '../db/entities';
import { newId } from '../db/ids';

/** Finds the citizen by openid, creating them on first sign-in, and issues a token. */
export async function citizenSignIn(deps: AppDeps, props: { openid: string; unionid?: string }) {
  const citizen = await transaction(deps.dataSource, async (manager) => {
    const repository = manager.getRepository(Citizen);
    const existing = await repository.findOneBy({ openid: props.openid });
    if (existing) {
      if (props.unionid && existing.unionid !== props.unionid) {
        existing.unionid = props.unionid;
        await repository.save(existing);
      }
      return existing;
    }
    return repository.save(
      repository.create({
        id: newId(),
        openid: props.openid,
        unionid: props.unionid ?? null,
        nickname: null,
        villageCode: null,
        phoneEncrypted: null,
        phoneHash: null,
        careMode: false,
      }),
    );
  });
  const exp = Math.floor(deps.clock().getTime() / 1000) + LIMITS.citizenTokenDays * 86400;
  const token = deps.tokens.sign({ sub: citizen.id, kind: 'citizen', ver: 0, exp });
  return { citizen, token };
}

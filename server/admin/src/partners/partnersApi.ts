import { type PartnerInput, partnerRoutes } from '@minqing/shared';
import { call } from '../api';

/** 合作方 (server/src/http/partners): systems that file through Open311 with their own api_key. */
export const partnersApi = {
  list: () => call(partnerRoutes.list),
  create: (input: PartnerInput) => call(partnerRoutes.create, { body: input }),
  revoke: (id: string) => call(partnerRoutes.revoke, { params: { id } }),
};

import type { Partner, PartnerCreated, PartnerInput } from '@minqing/shared';
import { request } from '../api';

/** 合作方 (server/src/routes/partners): systems that file through Open311 with their own api_key. */
export const partnersApi = {
  list: () => request<Partner[]>('/staff/partners'),
  create: (input: PartnerInput) => request<PartnerCreated>('/staff/partners', { method: 'POST', body: input }),
  revoke: (id: string) => request<Partner>(`/staff/partners/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
};

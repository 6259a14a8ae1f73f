import type {
  ChangeOwnPasswordRequest,
  ChangeOwnPasswordResponse,
  Department,
  Page,
  RegionNode,
  StaffAccount,
  StaffAccountCreate,
  StaffAccountPasswordResponse,
  StaffAccountUpdate,
} from '@minqing/shared';
import { request } from '../api';

const one = (id: string) => `/staff/accounts/${encodeURIComponent(id)}`;

/** 账号管理 and 修改密码 (server/src/routes/staffAccounts). */
export const accountsApi = {
  list: (queryString: string) => request<Page<StaffAccount>>(`/staff/accounts?${queryString}`),
  create: (input: StaffAccountCreate) =>
    request<StaffAccountPasswordResponse>('/staff/accounts', { method: 'POST', body: input }),
  update: (id: string, patch: StaffAccountUpdate) => request<StaffAccount>(one(id), { method: 'PATCH', body: patch }),
  disable: (id: string) => request<StaffAccount>(`${one(id)}/disable`, { method: 'POST' }),
  enable: (id: string) => request<StaffAccount>(`${one(id)}/enable`, { method: 'POST' }),
  resetPassword: (id: string, password?: string) =>
    request<StaffAccountPasswordResponse>(`${one(id)}/reset-password`, {
      method: 'POST',
      body: password ? { password } : {},
    }),
  unbindWechat: (id: string) => request<StaffAccount>(`${one(id)}/unbind-wechat`, { method: 'POST' }),
  changeOwnPassword: (body: ChangeOwnPasswordRequest) =>
    request<ChangeOwnPasswordResponse>('/staff/me/password', { method: 'POST', body }),
  regions: () => request<RegionNode[]>('/regions?depth=grid'),
  departments: () => request<Department[]>('/staff/departments'),
};

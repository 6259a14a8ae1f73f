import {
  type ChangeOwnPasswordRequest,
  type StaffAccountCreate,
  type StaffAccountUpdate,
  catalogRoutes,
  staffAccountRoutes as routes,
} from '@minqing/shared';
import { call } from '../api';
import type { AccountFilters } from './accountQuery';

/** 账号管理 and 修改密码 (shared/src/contracts/staffAccounts.ts). */
export const accountsApi = {
  /** Blank filters are left out of the query. */
  list: (filters: AccountFilters) => call(routes.list, { query: { ...filters, keyword: filters.keyword?.trim() } }),
  create: (input: StaffAccountCreate) => call(routes.create, { body: input }),
  update: (id: string, patch: StaffAccountUpdate) => call(routes.update, { params: { id }, body: patch }),
  disable: (id: string) => call(routes.disable, { params: { id } }),
  enable: (id: string) => call(routes.enable, { params: { id } }),
  resetPassword: (id: string, password?: string) =>
    call(routes.resetPassword, { params: { id }, body: password ? { password } : {} }),
  unbindWechat: (id: string) => call(routes.unbindWechat, { params: { id } }),
  changeOwnPassword: (body: ChangeOwnPasswordRequest) => call(routes.changeOwnPassword, { body }),
  regions: () => call(catalogRoutes.regions, { query: { depth: 'grid' } }),
  departments: () => call(catalogRoutes.departments),
};

import type { StaffRole } from '@minqing/shared';

export interface AccountFilters {
  keyword?: string;
  role?: StaffRole;
  regionCode?: string;
  status?: 'active' | 'disabled';
  page: number;
  pageSize: number;
}

export const DEFAULT_ACCOUNT_FILTERS: AccountFilters = { page: 1, pageSize: 20 };

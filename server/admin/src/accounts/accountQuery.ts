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

/** The filters as GET /api/v1/staff/accounts expects them (StaffAccountQuerySchema); empty ones left out. */
export function accountQueryString(filters: AccountFilters): string {
  const params = new URLSearchParams();
  const keyword = filters.keyword?.trim();
  if (keyword) params.set('keyword', keyword);
  if (filters.role) params.set('role', filters.role);
  if (filters.regionCode) params.set('regionCode', filters.regionCode);
  if (filters.status) params.set('status', filters.status);
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));
  return params.toString();
}

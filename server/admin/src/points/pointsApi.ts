import type {
  Page,
  PointsAwardReason,
  PointsReason,
  PointsRule,
  PointsRuleInput,
  Redemption,
  RedemptionStatus,
  RegionNode,
  ShopItem,
  ShopItemInput,
  ShopItemPatch,
  StaffLedgerEntry,
  VolunteerAwardRequest,
} from '@minqing/shared';
import { request } from '../api';

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface RedemptionListQuery extends PageQuery {
  status?: RedemptionStatus;
}

export interface LedgerQuery extends PageQuery {
  reason?: PointsReason;
  /** A village or township inside the staff member's scope; empty: the whole scope. */
  regionCode?: string;
}

/** page, pageSize and the filters that are set, as a query string. */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  return params.toString();
}

/** The ledger's filters for its .xlsx export (every page: no page, pageSize). */
export function ledgerExportPath(query: LedgerQuery): string {
  const filters = queryString({ reason: query.reason, regionCode: query.regionCode });
  return `/staff/points/ledger/export${filters ? `?${filters}` : ''}`;
}

const one = (id: string) => encodeURIComponent(id);

/** server/src/routes/staffPoints */
export const pointsApi = {
  items: (query: PageQuery) => request<Page<ShopItem>>(`/staff/points/items?${queryString(query)}`),
  createItem: (input: ShopItemInput) => request<ShopItem>('/staff/points/items', { method: 'POST', body: input }),
  updateItem: (id: string, patch: ShopItemPatch) =>
    request<ShopItem>(`/staff/points/items/${one(id)}`, { method: 'PATCH', body: patch }),
  redemptions: (query: RedemptionListQuery) =>
    request<Page<Redemption>>(`/staff/points/redemptions?${queryString(query)}`),
  verify: (code: string) => request<Redemption>('/staff/points/redemptions/verify', { method: 'POST', body: { code } }),
  cancelRedemption: (id: string) =>
    request<Redemption>(`/staff/points/redemptions/${one(id)}/cancel`, { method: 'POST' }),
  volunteer: (body: VolunteerAwardRequest) =>
    request<{ delta: number; note: string }>('/staff/points/volunteer', { method: 'POST', body }),
  ledger: (query: LedgerQuery) => request<Page<StaffLedgerEntry>>(`/staff/points/ledger?${queryString(query)}`),
  rules: () => request<PointsRule[]>('/staff/points/rules'),
  saveRule: (reason: PointsAwardReason, input: PointsRuleInput) =>
    request<PointsRule>(`/staff/points/rules/${one(reason)}`, { method: 'PUT', body: input }),
  regions: () => request<RegionNode[]>('/regions?depth=village'),
};

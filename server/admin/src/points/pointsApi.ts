import type {
  PointsAwardReason,
  PointsReason,
  PointsRuleInput,
  RedemptionStatus,
  ShopItemInput,
  ShopItemPatch,
  VolunteerAwardRequest,
} from '@minqing/shared';
import { catalogRoutes, staffPointsRoutes as routes, urlOf } from '@minqing/shared';
import { call } from '../api';

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

/** The ledger's filters for its .xlsx export (every page: no page, pageSize). */
export function ledgerExportPath(query: LedgerQuery): string {
  return urlOf(routes.ledgerExport, { query: { reason: query.reason, regionCode: query.regionCode } });
}

/** The staff's points routes (shared/src/contracts/staffPoints.ts). */
export const pointsApi = {
  items: (query: PageQuery) => call(routes.items, { query }),
  createItem: (input: ShopItemInput) => call(routes.createItem, { body: input }),
  updateItem: (id: string, patch: ShopItemPatch) => call(routes.updateItem, { params: { id }, body: patch }),
  redemptions: (query: RedemptionListQuery) => call(routes.redemptions, { query }),
  verify: (code: string) => call(routes.verify, { body: { code } }),
  cancelRedemption: (id: string) => call(routes.cancelRedemption, { params: { id } }),
  volunteer: (body: VolunteerAwardRequest) => call(routes.volunteer, { body }),
  ledger: (query: LedgerQuery) => call(routes.ledger, { query }),
  rules: () => call(routes.rules),
  saveRule: (reason: PointsAwardReason, input: PointsRuleInput) =>
    call(routes.saveRule, { params: { reason }, body: input }),
  regions: () => call(catalogRoutes.regions, { query: { depth: 'village' } }),
};

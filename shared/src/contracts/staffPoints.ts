import { z } from 'zod';
import { pageOf } from '../schemas/common';
import {
  PointsRuleInputSchema,
  PointsRuleSchema,
  RedemptionPageSchema,
  RedemptionSchema,
  ShopItemInputSchema,
  ShopItemPatchSchema,
  ShopItemSchema,
  StaffLedgerEntrySchema,
  StaffLedgerExportQuerySchema,
  StaffLedgerQuerySchema,
  StaffRedemptionQuerySchema,
  StaffShopQuerySchema,
  VerifyRedemptionRequestSchema,
  VolunteerAwardRequestSchema,
  VolunteerAwardSchema,
} from '../schemas/points';
import { XLSX_MEDIA_TYPE } from './households';
import { created, defineRoute, jsonBody, named, ok } from './route';

const common = { tags: ['staff-points'], access: 'staff' } as const;
const redemption = named('Redemption', RedemptionSchema);
const shopItem = named('ShopItem', ShopItemSchema);

/** 积分管理: village cadres run their shop and record volunteering; townships and the county oversee. */
export const staffPointsRoutes = {
  rules: defineRoute({
    ...common,
    policy: 'point_rules',
    method: 'get',
    path: '/staff/points/rules',
    summary: '积分规则 / Points per award reason in the county',
    description:
      "Who: county, sysadmin. Points for `report_resolved`, `rating`, `volunteer` in one's county (defaults 10, 2, 5)",
    responses: [ok(named('PointsRuleList', z.array(PointsRuleSchema)))],
    errors: [401, 403],
  }),
  saveRule: defineRoute({
    ...common,
    policy: 'point_rules',
    method: 'put',
    path: '/staff/points/rules/:reason',
    summary: '修改积分规则 / Set the points of one award reason',
    body: jsonBody('PointsRuleInput', PointsRuleInputSchema),
    responses: [ok(named('PointsRule', PointsRuleSchema))],
    errors: [400, 401, 403],
  }),
  items: defineRoute({
    ...common,
    policy: 'shop',
    method: 'get',
    path: '/staff/points/items',
    summary: "积分超市商品 / Shop items in the staff member's region",
    description:
      "Who: cadre, grid worker, dispatcher, county. The shops of one's region: name, price in points, stock, on or off the shelf",
    query: StaffShopQuerySchema,
    responses: [ok(named('ShopItemPage', pageOf(ShopItemSchema)))],
    errors: [400, 401, 403],
  }),
  createItem: defineRoute({
    ...common,
    policy: 'shop',
    method: 'post',
    path: '/staff/points/items',
    summary: '上架商品 / Add an item to a village or township shop',
    body: jsonBody('ShopItemInput', ShopItemInputSchema),
    responses: [created(shopItem)],
    errors: [400, 401, 403],
  }),
  updateItem: defineRoute({
    ...common,
    policy: 'shop',
    method: 'patch',
    path: '/staff/points/items/:id',
    summary: '修改商品 / Edit an item: price, stock, on or off the shelf',
    body: jsonBody('ShopItemPatch', ShopItemPatchSchema),
    responses: [ok(shopItem)],
    errors: [400, 401, 403, 404],
  }),
  redemptions: defineRoute({
    ...common,
    policy: 'shop',
    method: 'get',
    path: '/staff/points/redemptions',
    summary: "兑换记录 / Redemptions in the staff member's region",
    description: 'Who: the same. 核销: the code handed over once (409 the second time)',
    query: StaffRedemptionQuerySchema,
    responses: [ok(named('RedemptionPage', RedemptionPageSchema))],
    errors: [400, 401, 403],
  }),
  verify: defineRoute({
    ...common,
    policy: 'shop',
    method: 'post',
    path: '/staff/points/redemptions/verify',
    summary: '核销兑换码 / Hand an item over against its code, once',
    body: jsonBody('VerifyRedemptionRequest', VerifyRedemptionRequestSchema),
    responses: [ok(redemption)],
    errors: [400, 401, 403, 409],
  }),
  cancelRedemption: defineRoute({
    ...common,
    policy: 'shop',
    method: 'post',
    path: '/staff/points/redemptions/:id/cancel',
    summary: '取消兑换 / Cancel a reserved redemption for the villager',
    responses: [ok(redemption)],
    errors: [400, 401, 403, 404, 409],
  }),
  volunteer: defineRoute({
    ...common,
    policy: 'shop',
    method: 'post',
    path: '/staff/points/volunteer',
    summary: '记录志愿服务积分 / Award a villager, found by bound phone, for volunteer work',
    description:
      "Who: the same. 志愿服务 points for a villager found by the phone they bound, once per activity and day; the ledger of one's region; a line earned by an anonymous report shows 匿名举报人 and no serial number (the reporter sees their own in 我的积分)",
    body: jsonBody('VolunteerAwardRequest', VolunteerAwardRequestSchema),
    responses: [created(named('VolunteerAward', VolunteerAwardSchema))],
    errors: [400, 401, 403, 409],
  }),
  ledger: defineRoute({
    ...common,
    policy: 'shop',
    method: 'get',
    path: '/staff/points/ledger',
    summary: "积分台账 / Every points movement in the staff member's region",
    query: StaffLedgerQuerySchema,
    responses: [ok(named('StaffLedgerPage', pageOf(StaffLedgerEntrySchema)))],
    errors: [400, 401, 403],
  }),
  ledgerExport: defineRoute({
    ...common,
    policy: 'shop',
    method: 'get',
    path: '/staff/points/ledger/export',
    summary: '导出积分台账 / The ledger under its filters as .xlsx (at most EXPORT_MAX_ROWS lines; audited)',
    description: 'Who: the same. The ledger under the same filters as .xlsx (at most `EXPORT_MAX_ROWS` lines; audited)',
    query: StaffLedgerExportQuerySchema,
    responses: [
      {
        status: 200,
        description: 'OK（.xlsx，Content-Disposition: attachment）',
        content: { kind: 'binary', mediaTypes: [XLSX_MEDIA_TYPE] },
      },
    ],
    errors: [400, 401, 403],
  }),
};

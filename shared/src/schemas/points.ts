import { z } from 'zod';
import { IdSchema, PageQuerySchema, PhoneSchema, RegionCodeSchema, pageOf } from './common';
import { REDEMPTION_STATUSES } from '../domain/enums';
import { freeText } from './text';

/**
 * 治理积分: an append-only ledger per citizen (the balance is the sum, never stored), fed by
 * configurable award rules and spent at the village 积分超市.
 */
export const POINTS_AWARD_REASONS = ['report_resolved', 'rating', 'volunteer'] as const;
export type PointsAwardReason = (typeof POINTS_AWARD_REASONS)[number];
export const POINTS_REASONS = [...POINTS_AWARD_REASONS, 'redemption', 'redemption_refund'] as const;
export type PointsReason = (typeof POINTS_REASONS)[number];

export const POINTS_REASON_NAMES: Record<PointsReason, string> = {
  report_resolved: '反映问题已办结',
  rating: '评价办理结果',
  volunteer: '志愿服务',
  redemption: '积分兑换',
  redemption_refund: '取消兑换退回',
};

/** What an award earns when a county has not configured its own rule. */
export const DEFAULT_POINTS_RULES: Record<PointsAwardReason, number> = { report_resolved: 10, rating: 2, volunteer: 5 };

export const POINTS_MAX_AWARD = 1000;
export const POINTS_MAX_PRICE = 100_000;
export const SHOP_STOCK_MAX = 100_000;

export const PointsRuleSchema = z.object({
  reason: z.enum(POINTS_AWARD_REASONS),
  reasonName: z.string(),
  points: z.number().int(),
  enabled: z.boolean(),
  /** The county the rule belongs to. */
  regionCode: z.string(),
});
export type PointsRule = z.infer<typeof PointsRuleSchema>;

export const PointsRuleInputSchema = z.object({
  points: z
    .number()
    .int('积分须为整数')
    .min(0, '积分不能为负')
    .max(POINTS_MAX_AWARD, `积分不能超过 ${POINTS_MAX_AWARD}`),
  enabled: z.boolean(),
});
export type PointsRuleInput = z.infer<typeof PointsRuleInputSchema>;

export const PointsEntrySchema = z.object({
  id: z.string(),
  delta: z.number().int(),
  reason: z.enum(POINTS_REASONS),
  reasonName: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type PointsEntry = z.infer<typeof PointsEntrySchema>;

export const PointsSummarySchema = z.object({ balance: z.number().int(), entries: pageOf(PointsEntrySchema) });
export type PointsSummary = z.infer<typeof PointsSummarySchema>;

export const ShopItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  pointsPrice: z.number().int(),
  stock: z.number().int(),
  enabled: z.boolean(),
  regionCode: z.string(),
  regionName: z.string(),
});
export type ShopItem = z.infer<typeof ShopItemSchema>;

export const ShopItemInputSchema = z.object({
  name: freeText().min(1, '请填写商品名称').max(40, '商品名称最多 40 字'),
  description: freeText().max(200, '说明最多 200 字').nullable().optional(),
  pointsPrice: z.number().int('积分须为整数').min(1, '兑换积分至少为 1').max(POINTS_MAX_PRICE, '兑换积分太大'),
  stock: z.number().int('库存须为整数').min(0, '库存不能为负').max(SHOP_STOCK_MAX, '库存太大'),
  enabled: z.boolean().default(true),
  /** The village (or township) whose 积分超市 offers it. */
  regionCode: RegionCodeSchema,
});
export type ShopItemInput = z.infer<typeof ShopItemInputSchema>;
export const ShopItemPatchSchema = ShopItemInputSchema.omit({ regionCode: true }).partial();
export type ShopItemPatch = z.infer<typeof ShopItemPatchSchema>;

/** What the caller may do with a redemption: cancel it while it waits to be collected (the citizen theirs, staff their region's). */
export const REDEMPTION_ACTIONS = ['cancel'] as const;
export type RedemptionAction = (typeof REDEMPTION_ACTIONS)[number];

export const RedemptionSchema = z.object({
  id: z.string(),
  /** The code the cadre checks (shown as a QR code in the mini-program). */
  code: z.string(),
  item: z.object({ id: z.string(), name: z.string() }),
  points: z.number().int(),
  status: z.enum(REDEMPTION_STATUSES),
  regionName: z.string(),
  createdAt: z.string(),
  fulfilledAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  allowedActions: z.array(z.enum(REDEMPTION_ACTIONS)),
});
export type Redemption = z.infer<typeof RedemptionSchema>;
/** One page of redemptions: the citizen's own, or those of a staff member's region. */
export const RedemptionPageSchema = pageOf(RedemptionSchema);

export const RedeemRequestSchema = z.object({ itemId: IdSchema });
export type RedeemRequest = z.infer<typeof RedeemRequestSchema>;

export const REDEMPTION_CODE_LENGTH = 8;
export const VerifyRedemptionRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${REDEMPTION_CODE_LENGTH}}$`), `兑换码为 ${REDEMPTION_CODE_LENGTH} 位数字`),
});
export type VerifyRedemptionRequest = z.infer<typeof VerifyRedemptionRequestSchema>;

export const StaffShopQuerySchema = PageQuerySchema.extend({ regionCode: RegionCodeSchema.optional() });
export const StaffRedemptionQuerySchema = PageQuerySchema.extend({
  status: z.enum(REDEMPTION_STATUSES).optional(),
  regionCode: RegionCodeSchema.optional(),
});

/** A cadre records a villager's volunteer work; the citizen is found by the phone they bound. */
export const VolunteerAwardRequestSchema = z.object({
  phone: PhoneSchema,
  activity: freeText().min(2, '请填写活动名称').max(60, '活动名称最多 60 字'),
  activityDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  /** Overrides the rule's points for an unusually long or short activity. */
  points: z.number().int().min(1).max(POINTS_MAX_AWARD).optional(),
});
export type VolunteerAwardRequest = z.infer<typeof VolunteerAwardRequestSchema>;
/** The points written for the volunteer work, and the ledger line's note. */
export const VolunteerAwardSchema = z.object({ delta: z.number().int(), note: z.string() });

export const StaffLedgerEntrySchema = PointsEntrySchema.extend({ citizenName: z.string(), villageName: z.string() });
export type StaffLedgerEntry = z.infer<typeof StaffLedgerEntrySchema>;
export const StaffLedgerQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional(),
  reason: z.enum(POINTS_REASONS).optional(),
});
/** The ledger's filters for its .xlsx export: the file holds every matching line, so no paging. */
export const StaffLedgerExportQuerySchema = StaffLedgerQuerySchema.omit({ page: true, pageSize: true });

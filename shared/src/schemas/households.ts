import { z } from 'zod';
import { HOUSEHOLD_TAGS } from '../domain/enums';
import { LIMITS } from '../domain/limits';
import { REGION_CODE_LENGTHS } from '../domain/regionCodes';
import { ErrorBodySchema, IdSchema, PageQuerySchema, PhoneSchema, RegionCodeSchema, pageOf } from './common';
import { freeText } from './text';

export const HOUSEHOLD_LIMITS = {
  headNameMax: 32,
  addressMax: 128,
  membersMax: 30,
  /** Rows one import may hold (the header row not counted). */
  importRowsMax: 2000,
} as const;

/** 住户: a household of a grid's roster, looked after by one 三线 member. Its phone leaves the server masked. */
export const HouseholdSchema = z.object({
  id: z.string(),
  gridCode: z.string(),
  gridName: z.string(),
  villageName: z.string(),
  headName: z.string(),
  address: z.string(),
  /** 138****5678, or null when none was given. */
  phone: z.string().nullable(),
  memberCount: z.number().int(),
  tags: z.array(z.enum(HOUSEHOLD_TAGS)),
  liaison: z.object({ id: z.string(), name: z.string() }).nullable(),
  lastVisitedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Household = z.infer<typeof HouseholdSchema>;
export const HouseholdPageSchema = pageOf(HouseholdSchema);

const tagList = z
  .string()
  .transform((value) => value.split(',').filter(Boolean))
  .pipe(z.array(z.enum(HOUSEHOLD_TAGS)));

export const HouseholdQuerySchema = PageQuerySchema.extend({
  /** A grid, village or township within the caller's scope. */
  regionCode: RegionCodeSchema.optional(),
  /** Households carrying every one of these tags, comma-separated. */
  tags: tagList.optional(),
  liaisonId: IdSchema.optional(),
  /** Part of the head's name or the address. */
  keyword: z.string().trim().max(32).optional(),
});
export type HouseholdQuery = z.infer<typeof HouseholdQuerySchema>;

export const HouseholdInputSchema = z
  .object({
    gridCode: RegionCodeSchema.refine((code) => code.length === REGION_CODE_LENGTHS.grid, '请选择网格'),
    headName: freeText({ error: '请填写户主姓名' })
      .min(1, '请填写户主姓名')
      .max(HOUSEHOLD_LIMITS.headNameMax, `户主姓名不能超过${HOUSEHOLD_LIMITS.headNameMax}字`),
    address: freeText({ error: '请填写住址' })
      .min(1, '请填写住址')
      .max(HOUSEHOLD_LIMITS.addressMax, `住址不能超过${HOUSEHOLD_LIMITS.addressMax}字`),
    phone: PhoneSchema.nullable().default(null),
    memberCount: z
      .number({ error: '请填写家庭人口' })
      .int('家庭人口应为整数')
      .min(1, '家庭人口至少 1 人')
      .max(HOUSEHOLD_LIMITS.membersMax, `家庭人口不能超过${HOUSEHOLD_LIMITS.membersMax}人`),
    tags: z
      .array(z.enum(HOUSEHOLD_TAGS, { error: '没有这个住户标签' }))
      .max(HOUSEHOLD_TAGS.length)
      .default([]),
    /** The 三线 member who looks after the household: an account of the same grid. */
    liaisonId: IdSchema.nullable().default(null),
  })
  .strict();
export type HouseholdInput = z.input<typeof HouseholdInputSchema>;
export type CheckedHouseholdInput = z.infer<typeof HouseholdInputSchema>;

/** The import template's columns, in order; the importer reads them by header. */
export const HOUSEHOLD_IMPORT_COLUMNS = {
  gridCode: '网格代码',
  headName: '户主姓名',
  address: '住址',
  phone: '联系电话',
  memberCount: '家庭人口',
  tags: '标签',
  liaison: '三线成员账号',
} as const;

export const HouseholdImportResultSchema = z.object({ imported: z.number().int() });
export type HouseholdImportResult = z.infer<typeof HouseholdImportResultSchema>;

/** A refused import: nothing was stored; each wrong row named by its spreadsheet row number. */
export const HouseholdImportRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type HouseholdImportRowError = z.infer<typeof HouseholdImportRowErrorSchema>;
export const HouseholdImportErrorSchema = ErrorBodySchema.extend({ rowErrors: z.array(HouseholdImportRowErrorSchema) });
export type HouseholdImportError = z.infer<typeof HouseholdImportErrorSchema>;

// ── Visits (走访) ──────────────────────────────────────────────────────────────────

export const VisitSchema = z.object({
  id: z.string(),
  household: z.object({ id: z.string(), headName: z.string(), address: z.string(), gridCode: z.string() }),
  visitor: z.object({ id: z.string(), name: z.string() }).nullable(),
  note: z.string(),
  photoUploadIds: z.array(z.string()),
  visitedAt: z.string(),
});
export type Visit = z.infer<typeof VisitSchema>;
export const VisitPageSchema = pageOf(VisitSchema);

export const VisitQuerySchema = PageQuerySchema.extend({
  householdId: IdSchema.optional(),
  regionCode: RegionCodeSchema.optional(),
});
export type VisitQuery = z.infer<typeof VisitQuerySchema>;

export const VisitInputSchema = z
  .object({
    householdId: IdSchema,
    note: freeText({ error: '请填写走访情况' })
      .min(1, '请填写走访情况')
      .max(LIMITS.noteMax, `走访情况不能超过${LIMITS.noteMax}字`),
    photoUploadIds: z
      .array(IdSchema)
      .max(LIMITS.reportPhotosMax, `最多${LIMITS.reportPhotosMax}张照片`)
      .refine((ids) => new Set(ids).size === ids.length, '照片重复了')
      .default([]),
  })
  .strict();
export type VisitInput = z.input<typeof VisitInputSchema>;
export type CheckedVisitInput = z.infer<typeof VisitInputSchema>;

// ── Supervision (走访督导) ───────────────────────────────────────────────────────────

/** A household counts as not visited when nobody logged a visit in this many days. */
export const NOT_VISITED_DAYS = 30;

export const SUPERVISION_FIGURES = ['households', 'visits', 'notVisited', 'filedOnBehalf', 'settledOnSpot'] as const;
export type SupervisionFigure = (typeof SUPERVISION_FIGURES)[number];

export const SupervisionQuerySchema = z.object({
  /** A China calendar month, YYYY-MM; this month by default. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional(),
  /** A village, township or grid within the caller's region. */
  regionCode: RegionCodeSchema.optional(),
});
export type SupervisionQuery = z.infer<typeof SupervisionQuerySchema>;

const SupervisionCountsSchema = z.object({
  /** Households on the roster at the end of the month (or now, for this month). */
  households: z.number().int(),
  /** Visits logged in the month. */
  visits: z.number().int(),
  /** Households with no visit in the 30 days before the month's end (or now). */
  notVisited: z.number().int(),
  /** Reports filed on a household's behalf (代报) in the month. */
  filedOnBehalf: z.number().int(),
});

export const SupervisionGridRowSchema = SupervisionCountsSchema.extend({
  gridCode: z.string(),
  gridName: z.string(),
  villageName: z.string(),
  /** Reports the grid's workers resolved on the spot (就地办结) in the month. */
  settledOnSpot: z.number().int(),
});
export type SupervisionGridRow = z.infer<typeof SupervisionGridRowSchema>;

export const SupervisionLiaisonRowSchema = SupervisionCountsSchema.extend({
  staffId: z.string(),
  name: z.string(),
  gridCode: z.string(),
  gridName: z.string(),
});
export type SupervisionLiaisonRow = z.infer<typeof SupervisionLiaisonRowSchema>;

export const SupervisionSchema = z.object({
  month: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** The instant 未走访 is measured at: the month's end, or now for the current month. */
  asOf: z.string(),
  grids: z.array(SupervisionGridRowSchema),
  liaisons: z.array(SupervisionLiaisonRowSchema),
  definitions: z.array(z.object({ figure: z.enum(SUPERVISION_FIGURES), label: z.string(), howComputed: z.string() })),
});
export type Supervision = z.infer<typeof SupervisionSchema>;

/** 未走访 drill-down: one grid's, or one 三线 member's, households nobody visited in 30 days. */
export const NotVisitedQuerySchema = PageQuerySchema.extend({
  month: SupervisionQuerySchema.shape.month,
  gridCode: RegionCodeSchema.optional(),
  liaisonId: IdSchema.optional(),
  regionCode: RegionCodeSchema.optional(),
});
export type NotVisitedQuery = z.infer<typeof NotVisitedQuerySchema>;

import { z } from 'zod';
import { DEPARTMENT_KINDS, DEPARTMENT_LEVELS, REGION_LEVELS, SERVICE_CODES, TIERS } from '../domain/enums';
import { PageQuerySchema, RegionCodeSchema, pageOf } from './common';
import { freeText } from './text';

/**
 * 配置管理: regions and grids, departments, categories with deadlines, services and the holiday
 * schedule, as the county and sysadmins edit them (server/src/http/staffConfig). Rows that
 * reports refer to are disabled (停用), never deleted.
 */
export const CONFIG_LIMITS = {
  regionNameMax: 64,
  departmentNameMax: 64,
  categoryCodeMax: 32,
  categoryNameMax: 64,
  /** 响应时限: up to 30 days in hours. */
  responseHoursMax: 720,
  /** 办结时限 in working days. */
  resolveDaysMax: 365,
  serviceNameMax: 32,
  serviceDescriptionMax: 255,
  sortOrderMax: 9999,
  holidayNameMax: 32,
  /** Days a year's schedule may list: every holiday day and make-up workday. */
  holidayDaysMax: 120,
  holidayYearMin: 2000,
  holidayYearMax: 2100,
} as const;

const SortOrderSchema = z.coerce.number().int().min(0).max(CONFIG_LIMITS.sortOrderMax);
const name = (max: number, what: string) =>
  freeText(`请填写${what}`).min(1, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);
/** The kind of matter a department acts on (供电, 农业农村 …): one of DEPARTMENT_KINDS. */
export const DepartmentKindSchema = z.enum(DEPARTMENT_KINDS, '请从列表中选择业务类型');
/** A flag in a query string: `true`/`false`. */
const QueryFlagSchema = z.enum(['true', 'false']).transform((value) => value === 'true');

// 区域与网格 ---------------------------------------------------------------------------------

export const ConfigRegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  sortOrder: z.number().int(),
  disabled: z.boolean(),
  /** How many regions sit directly below it (enabled or not). */
  childCount: z.number().int(),
});
export type ConfigRegion = z.infer<typeof ConfigRegionSchema>;
export const ConfigRegionPageSchema = pageOf(ConfigRegionSchema);

/** Without `parentCode`: the top of the staff member's scope. */
export const ConfigRegionQuerySchema = PageQuerySchema.extend({ parentCode: RegionCodeSchema.optional() });
export type ConfigRegionQuery = z.infer<typeof ConfigRegionQuerySchema>;

/** Region codes have 6 (county), 9 (township), 12 (village) or 15 (grid) digits; the parent is the code minus its last 3. */
export const NewRegionCodeSchema = z
  .string('请填写区划代码')
  .regex(/^(\d{6}|\d{9}|\d{12}|\d{15})$/, '区划代码应为 6、9、12 或 15 位数字');
export const ConfigRegionInputSchema = z.object({
  code: NewRegionCodeSchema,
  name: name(CONFIG_LIMITS.regionNameMax, '名称'),
  sortOrder: SortOrderSchema.default(0),
});
export type ConfigRegionInput = z.input<typeof ConfigRegionInputSchema>;
export const ConfigRegionPatchSchema = z.object({
  name: name(CONFIG_LIMITS.regionNameMax, '名称').optional(),
  sortOrder: SortOrderSchema.optional(),
  disabled: z.boolean().optional(),
});
export type ConfigRegionPatch = z.infer<typeof ConfigRegionPatchSchema>;

// 部门 ---------------------------------------------------------------------------------------

export const ConfigDepartmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(DEPARTMENT_LEVELS),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.string(),
  disabled: z.boolean(),
});
export type ConfigDepartment = z.infer<typeof ConfigDepartmentSchema>;
export const ConfigDepartmentPageSchema = pageOf(ConfigDepartmentSchema);

export const ConfigDepartmentQuerySchema = PageQuerySchema.extend({
  /** Departments serving this region or below it. */
  regionCode: RegionCodeSchema.optional(),
  keyword: z.string().trim().max(CONFIG_LIMITS.departmentNameMax).optional(),
  disabled: QueryFlagSchema.optional(),
});
export type ConfigDepartmentQuery = z.input<typeof ConfigDepartmentQuerySchema>;

/** The level follows from the region served: a county bureau, a township station, a village. */
export const ConfigDepartmentInputSchema = z.object({
  name: name(CONFIG_LIMITS.departmentNameMax, '部门名称'),
  regionCode: z.string('请选择服务区域').regex(/^\d{6,15}$/, '无效的区划代码'),
  kind: DepartmentKindSchema,
});
export type ConfigDepartmentInput = z.infer<typeof ConfigDepartmentInputSchema>;
export const ConfigDepartmentPatchSchema = z.object({
  name: name(CONFIG_LIMITS.departmentNameMax, '部门名称').optional(),
  kind: DepartmentKindSchema.optional(),
  disabled: z.boolean().optional(),
});
export type ConfigDepartmentPatch = z.infer<typeof ConfigDepartmentPatchSchema>;

// 分类 ---------------------------------------------------------------------------------------

const CategoryCodeSchema = z
  .string('请填写分类代码')
  .trim()
  .regex(/^[a-z][a-z0-9_]*$/, '分类代码只能用小写字母、数字和下划线，以字母开头')
  .max(CONFIG_LIMITS.categoryCodeMax, `分类代码不能超过 ${CONFIG_LIMITS.categoryCodeMax} 个字符`);
const ResponseHoursSchema = z.coerce
  .number('请填写响应时限')
  .int('响应时限应为整数小时')
  .min(1, '响应时限至少 1 小时')
  .max(CONFIG_LIMITS.responseHoursMax, `响应时限不能超过 ${CONFIG_LIMITS.responseHoursMax} 小时`);
const ResolveDaysSchema = z.coerce
  .number('请填写办结时限')
  .int('办结时限应为整数天')
  .min(1, '办结时限至少 1 个工作日')
  .max(CONFIG_LIMITS.resolveDaysMax, `办结时限不能超过 ${CONFIG_LIMITS.resolveDaysMax} 个工作日`);

export const ConfigCategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  tier: z.enum(TIERS),
  responseHours: z.number().int(),
  resolveDays: z.number().int(),
  departmentKind: z.string().nullable(),
  sortOrder: z.number().int(),
  disabled: z.boolean(),
});
export type ConfigCategory = z.infer<typeof ConfigCategorySchema>;
export const ConfigCategoryPageSchema = pageOf(ConfigCategorySchema);

export const ConfigCategoryQuerySchema = PageQuerySchema.extend({
  keyword: z.string().trim().max(CONFIG_LIMITS.categoryNameMax).optional(),
  parentCode: CategoryCodeSchema.optional(),
});
export type ConfigCategoryQuery = z.input<typeof ConfigCategoryQuerySchema>;

const categoryFields = {
  name: name(CONFIG_LIMITS.categoryNameMax, '分类名称'),
  parentCode: CategoryCodeSchema.nullable(),
  tier: z.enum(TIERS, '请选择处置层级'),
  responseHours: ResponseHoursSchema,
  resolveDays: ResolveDaysSchema,
  /** null: no obvious department, reports wait in the township's triage queue. */
  departmentKind: DepartmentKindSchema.nullable(),
  sortOrder: SortOrderSchema,
};
export const ConfigCategoryInputSchema = z.object({
  code: CategoryCodeSchema,
  ...categoryFields,
  parentCode: categoryFields.parentCode.default(null),
  departmentKind: categoryFields.departmentKind.default(null),
  sortOrder: categoryFields.sortOrder.default(0),
});
export type ConfigCategoryInput = z.input<typeof ConfigCategoryInputSchema>;
export const ConfigCategoryPatchSchema = z.object({ ...categoryFields, disabled: z.boolean() }).partial();
export type ConfigCategoryPatch = z.infer<typeof ConfigCategoryPatchSchema>;

// 服务 ---------------------------------------------------------------------------------------

/** The five services are fixed by SERVICE_CODES (clients know them); only their texts, order and availability change. */
export const ConfigServiceSchema = z.object({
  code: z.enum(SERVICE_CODES),
  name: z.string(),
  description: z.string(),
  allowAnonymous: z.boolean(),
  sortOrder: z.number().int(),
  enabled: z.boolean(),
});
export type ConfigService = z.infer<typeof ConfigServiceSchema>;
export const ConfigServicePatchSchema = z
  .object({
    name: name(CONFIG_LIMITS.serviceNameMax, '服务名称'),
    description: freeText().max(
      CONFIG_LIMITS.serviceDescriptionMax,
      `说明不能超过 ${CONFIG_LIMITS.serviceDescriptionMax} 个字`,
    ),
    sortOrder: SortOrderSchema,
    enabled: z.boolean(),
  })
  .partial();
export type ConfigServicePatch = z.infer<typeof ConfigServicePatchSchema>;

// 节假日 -------------------------------------------------------------------------------------

export const HOLIDAY_DAY_KINDS = ['holiday', 'workday'] as const;
export type HolidayDayKind = (typeof HOLIDAY_DAY_KINDS)[number];
export const HOLIDAY_DAY_KIND_NAMES: Record<HolidayDayKind, string> = { holiday: '放假', workday: '调休上班' };

const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), '没有这一天');

export const HolidayDaySchema = z.object({
  date: LocalDateSchema,
  kind: z.enum(HOLIDAY_DAY_KINDS, '请选择放假或调休上班'),
  /** The holiday it belongs to: 春节, 国庆节 …; a make-up workday names the holiday it pays for. */
  name: name(CONFIG_LIMITS.holidayNameMax, '节日名称'),
});
export type HolidayDay = z.infer<typeof HolidayDaySchema>;

export const HolidayYearNumberSchema = z.coerce
  .number()
  .int()
  .min(CONFIG_LIMITS.holidayYearMin, '年份超出范围')
  .max(CONFIG_LIMITS.holidayYearMax, '年份超出范围');

/**
 * Where a year's schedule comes from: `custom` rows entered here (they replace the built-in
 * schedule for that year), the `builtin` notice in server/src/deadlines/holidays.ts, or `none`
 * (weekends and the fixed statutory days only).
 */
export const HOLIDAY_SOURCES = ['custom', 'builtin', 'none'] as const;
export type HolidaySource = (typeof HOLIDAY_SOURCES)[number];

export const HolidayYearSchema = z.object({
  year: z.number().int(),
  source: z.enum(HOLIDAY_SOURCES),
  days: z.array(HolidayDaySchema),
});
export type HolidayYearSchedule = z.infer<typeof HolidayYearSchema>;

export const HolidayYearSummarySchema = z.object({
  year: z.number().int(),
  source: z.enum(HOLIDAY_SOURCES),
  holidays: z.number().int(),
  workdays: z.number().int(),
});
export type HolidayYearSummary = z.infer<typeof HolidayYearSummarySchema>;
export const HolidayYearListSchema = z.array(HolidayYearSummarySchema);

/** 0 = Sunday … 6 = Saturday, of a `YYYY-MM-DD`. */
export function weekdayOfDate(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * A year's whole schedule, replacing what was entered for it before; an empty list removes the
 * entered schedule, so the built-in one (if any) applies again. Every day lies in the year, at
 * most once, and a make-up workday (调休上班) falls on a weekend.
 */
export function holidayScheduleSchema(year: number) {
  return z.object({
    days: z
      .array(HolidayDaySchema)
      .max(CONFIG_LIMITS.holidayDaysMax, `一年最多 ${CONFIG_LIMITS.holidayDaysMax} 天`)
      .superRefine((days, ctx) => {
        const seen = new Set<string>();
        days.forEach((day, index) => {
          if (!day.date.startsWith(`${year}-`))
            ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `日期应在 ${year} 年内` });
          else if (seen.has(day.date))
            ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `${day.date} 重复` });
          else if (day.kind === 'workday' && ![0, 6].includes(weekdayOfDate(day.date)))
            ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `${day.date} 不是周末，无需调休上班` });
          seen.add(day.date);
        });
      }),
  });
}
/** The body's shape without the year-bound checks, for the API document. */
export const HolidayScheduleBodySchema = z.object({
  days: z.array(HolidayDaySchema).max(CONFIG_LIMITS.holidayDaysMax),
});
export type HolidayScheduleInput = z.infer<typeof HolidayScheduleBodySchema>;

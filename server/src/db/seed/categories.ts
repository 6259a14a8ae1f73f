import type { Tier } from '@minqing/shared';
import type { Category } from '../entities';

/**
 * The default category tree (PRODUCT.md §3): village matters first, because that is what
 * villagers pick from, then the 15 top-level government categories of
 * data/tipdm2020/taxonomy.jsonl, whose names the shipped classifier predicts.
 *
 * Deadlines (§5): emergencies 2 h to respond, water and power 24 h; 7 days to resolve a
 * general matter, 15 a complex one. Tier (分层处置): general = grid/village, difficult =
 * township, major = county.
 *
 * departmentKind null means no department is obvious: such reports wait in the township
 * dispatcher's triage queue instead of being sent somewhere wrong.
 */
interface CategorySpec {
  code: string;
  name: string;
  tier: Tier;
  responseHours: number;
  resolveDays: number;
  departmentKind: string | null;
  children?: readonly Omit<CategorySpec, 'children'>[];
}

const EMERGENCY_HOURS = 2;

const VILLAGE_CATEGORIES: readonly CategorySpec[] = [
  {
    code: 'power',
    name: '供电',
    tier: 'general',
    responseHours: 24,
    resolveDays: 3,
    departmentKind: 'power',
    children: [
      {
        code: 'power_outage',
        name: '停电',
        tier: 'general',
        responseHours: EMERGENCY_HOURS,
        resolveDays: 1,
        departmentKind: 'power',
      },
      {
        code: 'power_pole',
        name: '电杆倾斜',
        tier: 'general',
        responseHours: EMERGENCY_HOURS,
        resolveDays: 1,
        departmentKind: 'power',
      },
      {
        code: 'power_voltage',
        name: '电压低',
        tier: 'general',
        responseHours: 24,
        resolveDays: 3,
        departmentKind: 'power',
      },
    ],
  },
  {
    code: 'water_supply',
    name: '饮水',
    tier: 'general',
    responseHours: 24,
    resolveDays: 3,
    departmentKind: 'water',
    children: [
      {
        code: 'water_pipe_burst',
        name: '水管爆裂',
        tier: 'general',
        responseHours: EMERGENCY_HOURS,
        resolveDays: 1,
        departmentKind: 'water',
      },
    ],
  },
  {
    code: 'roads',
    name: '道路交通',
    tier: 'difficult',
    responseHours: 24,
    resolveDays: 15,
    departmentKind: 'roads',
    children: [
      {
        code: 'road_collapse',
        name: '道路塌方',
        tier: 'difficult',
        responseHours: EMERGENCY_HOURS,
        resolveDays: 7,
        departmentKind: 'roads',
      },
    ],
  },
  {
    code: 'agri_disaster',
    name: '农业灾害',
    tier: 'difficult',
    responseHours: 24,
    resolveDays: 7,
    departmentKind: 'agriculture',
    children: [
      {
        code: 'crop_pests',
        name: '病虫害',
        tier: 'general',
        responseHours: 24,
        resolveDays: 7,
        departmentKind: 'agriculture',
      },
      {
        code: 'livestock_disease',
        name: '畜禽疫病',
        tier: 'difficult',
        responseHours: EMERGENCY_HOURS,
        resolveDays: 3,
        departmentKind: 'agriculture',
      },
    ],
  },
  {
    code: 'sanitation',
    name: '环境卫生',
    tier: 'general',
    responseHours: 48,
    resolveDays: 7,
    departmentKind: 'environment',
  },
  {
    code: 'social_aid',
    name: '低保救助',
    tier: 'difficult',
    responseHours: 48,
    resolveDays: 15,
    departmentKind: 'civil',
  },
  { code: 'marriage', name: '婚姻登记', tier: 'general', responseHours: 48, resolveDays: 7, departmentKind: 'civil' },
  {
    code: 'police_security',
    name: '治安',
    tier: 'general',
    responseHours: EMERGENCY_HOURS,
    resolveDays: 7,
    departmentKind: 'police',
  },
  {
    code: 'disputes',
    name: '矛盾纠纷',
    tier: 'general',
    responseHours: 24,
    resolveDays: 7,
    departmentKind: 'disputes',
  },
  { code: 'land', name: '土地宅基地', tier: 'difficult', responseHours: 48, resolveDays: 15, departmentKind: 'land' },
  {
    code: 'geo_hazard',
    name: '地质灾害险情',
    tier: 'major',
    responseHours: EMERGENCY_HOURS,
    resolveDays: 3,
    departmentKind: 'land',
  },
  { code: 'risk_return', name: '防返贫', tier: 'difficult', responseHours: 24, resolveDays: 7, departmentKind: 'risk' },
  { code: 'report_in', name: '报备', tier: 'general', responseHours: 24, resolveDays: 3, departmentKind: 'report_in' },
  {
    code: 'deputy_message',
    name: '代表建议',
    tier: 'general',
    responseHours: 48,
    resolveDays: 15,
    departmentKind: 'deputy',
  },
];

/** The 15 first-level classes of taxonomy.jsonl, in the file's order, with the name it uses. */
const GOVERNMENT_CATEGORIES: readonly CategorySpec[] = [
  {
    code: 'urban_rural',
    name: '城乡建设',
    tier: 'difficult',
    responseHours: 24,
    resolveDays: 15,
    departmentKind: 'housing',
  },
  // Party and discipline matters concern officials, not services: a person decides where they go.
  { code: 'party_affairs', name: '党务政务', tier: 'major', responseHours: 48, resolveDays: 15, departmentKind: null },
  {
    code: 'land_resources',
    name: '国土资源',
    tier: 'difficult',
    responseHours: 48,
    resolveDays: 15,
    departmentKind: 'land',
  },
  {
    code: 'environment',
    name: '环境保护',
    tier: 'general',
    responseHours: 24,
    resolveDays: 7,
    departmentKind: 'environment',
  },
  { code: 'discipline', name: '纪检监察', tier: 'major', responseHours: 48, resolveDays: 15, departmentKind: null },
  { code: 'transport', name: '交通运输', tier: 'general', responseHours: 24, resolveDays: 7, departmentKind: 'roads' },
  // Finance, energy and production safety span several bureaus: triage picks one.
  { code: 'economy', name: '经济管理', tier: 'difficult', responseHours: 48, resolveDays: 15, departmentKind: null },
  // Mostly telecom coverage; no demo department handles it, so triage forwards it.
  {
    code: 'technology',
    name: '科技与信息产业',
    tier: 'general',
    responseHours: 48,
    resolveDays: 7,
    departmentKind: null,
  },
  { code: 'civil_affairs', name: '民政', tier: 'general', responseHours: 24, resolveDays: 7, departmentKind: 'civil' },
  {
    code: 'rural_agriculture',
    name: '农村农业',
    tier: 'general',
    responseHours: 24,
    resolveDays: 7,
    departmentKind: 'agriculture',
  },
  { code: 'commerce', name: '商贸旅游', tier: 'general', responseHours: 24, resolveDays: 7, departmentKind: 'market' },
  { code: 'health', name: '卫生计生', tier: 'general', responseHours: 24, resolveDays: 7, departmentKind: 'health' },
  { code: 'legal', name: '政法', tier: 'difficult', responseHours: 24, resolveDays: 15, departmentKind: 'police' },
  {
    code: 'education',
    name: '教育文体',
    tier: 'general',
    responseHours: 24,
    resolveDays: 7,
    departmentKind: 'education',
  },
  {
    code: 'labor',
    name: '劳动和社会保障',
    tier: 'difficult',
    responseHours: 24,
    resolveDays: 15,
    departmentKind: 'labor',
  },
];

/** Flattened rows, parents before children; sortOrder is global so one ORDER BY suffices. */
export function demoCategories(): Omit<Category, 'disabled'>[] {
  const rows: Omit<Category, 'disabled'>[] = [];
  const add = (spec: Omit<CategorySpec, 'children'>, parentCode: string | null) => {
    const { code, name, tier, responseHours, resolveDays, departmentKind } = spec;
    rows.push({
      code,
      name,
      parentCode,
      tier,
      responseHours,
      resolveDays,
      departmentKind,
      sortOrder: (rows.length + 1) * 10,
    });
  };
  for (const spec of [...VILLAGE_CATEGORIES, ...GOVERNMENT_CATEGORIES]) {
    add(spec, null);
    for (const child of spec.children ?? []) add(child, spec.code);
  }
  return rows;
}

/** The taxonomy's first-level names, for checks that the classifier's labels all exist. */
export const GOVERNMENT_CATEGORY_NAMES: readonly string[] = GOVERNMENT_CATEGORIES.map((spec) => spec.name);

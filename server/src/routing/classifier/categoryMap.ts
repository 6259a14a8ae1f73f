/**
 * How outside labels map to our category codes (server/src/db/seed/categories.ts). The
 * TipDM data is labelled with the Chinese names of the taxonomy's 15 first-level classes;
 * the village examples with the kind of department that must act.
 */

/** The 15 first-level TipDM classes (taxonomy.jsonl `l1`) → our government category codes. */
export const CATEGORY_BY_TIPDM_NAME: Readonly<Record<string, string>> = {
  城乡建设: 'urban_rural',
  党务政务: 'party_affairs',
  国土资源: 'land_resources',
  环境保护: 'environment',
  纪检监察: 'discipline',
  交通运输: 'transport',
  经济管理: 'economy',
  科技与信息产业: 'technology',
  民政: 'civil_affairs',
  农村农业: 'rural_agriculture',
  商贸旅游: 'commerce',
  卫生计生: 'health',
  政法: 'legal',
  教育文体: 'education',
  劳动和社会保障: 'labor',
};

/** The seven classes the TipDM messages are labelled with, in the order reports print them. */
export const TIPDM_CLASSES: readonly string[] = [
  '城乡建设',
  '环境保护',
  '交通运输',
  '教育文体',
  '劳动和社会保障',
  '商贸旅游',
  '卫生计生',
];

/**
 * Our category code → the TipDM class it falls under, where one does. Besides the seven
 * government categories themselves, the village categories whose matters the taxonomy files
 * under one of the seven (自来水供应 and 电力供应 under 城乡建设/市政, 环境卫生 under 环境保护,
 * roads and buses under 交通运输), so a village-worded prediction still counts for the class.
 */
export const TIPDM_CLASS_BY_CATEGORY: Readonly<Record<string, string>> = {
  urban_rural: '城乡建设',
  environment: '环境保护',
  transport: '交通运输',
  education: '教育文体',
  labor: '劳动和社会保障',
  commerce: '商贸旅游',
  health: '卫生计生',
  water_supply: '城乡建设',
  power: '城乡建设',
  sanitation: '环境保护',
  roads: '交通运输',
};

/**
 * The category a village example of each department kind is filed under when it is shipped
 * as training data (data/village/README.md's kinds; each code's departmentKind is that kind).
 */
export const CATEGORY_BY_VILLAGE_KIND: Readonly<Record<string, string>> = {
  power: 'power',
  agriculture: 'agri_disaster',
  civil: 'social_aid',
  police: 'police_security',
  environment: 'sanitation',
  roads: 'roads',
  water: 'water_supply',
  health: 'health',
  labor: 'labor',
  disputes: 'disputes',
  education: 'education',
  land: 'land',
  risk: 'risk_return',
  report_in: 'report_in',
  deputy: 'deputy_message',
};

/**
 * The category a village concern of `kind` is trained under. Civil concerns about marriage
 * registration go to marriage (same department kind) rather than social_aid, so the model
 * does not learn that 结婚登记 means 低保.
 */
export function villageCategoryOf(kind: string, text: string): string | undefined {
  if (kind === 'civil' && /结婚|离婚|婚姻登记/.test(text)) return 'marriage';
  return CATEGORY_BY_VILLAGE_KIND[kind];
}

/** A label as found in a training file: one of our codes, or a TipDM class name. */
export function categoryCodeOf(label: string): string {
  return CATEGORY_BY_TIPDM_NAME[label] ?? label;
}

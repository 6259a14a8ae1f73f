import type { Department } from '../entities';
import { COUNTY, TOWNSHIPS, demoVillages } from './regions';
import { stableId } from './stableId';

/**
 * Department kinds are what categories route by (Category.departmentKind → the department of
 * that kind in the report's township, else in the county), so the strings must match exactly.
 */
export const VILLAGE_COMMITTEE_KIND = 'village';

/** County bureaus, all serving 610921. */
const COUNTY_BUREAUS: ReadonlyArray<readonly [name: string, kind: string]> = [
  ['县农业农村局', 'agriculture'],
  ['县民政局', 'civil'],
  ['县公安局', 'police'],
  ['县生态环境局', 'environment'],
  ['县住建局', 'housing'],
  ['县交通运输局', 'roads'],
  ['县水利局', 'water'],
  ['县卫健局', 'health'],
  ['县教体局', 'education'],
  ['县人社局', 'labor'],
  ['县自然资源局', 'land'],
  ['县乡村振兴局', 'risk'],
  ['县人大代表联络站', 'deputy'],
  ['县综合执法局', 'enforcement'],
  ['国网汉阴县供电公司', 'power'],
  ['县司法局', 'disputes'],
  // 商贸旅游 (one of the seven classes the classifier ships trained on) needs someone to act.
  ['县市场监管局', 'market'],
];

/** Stations every township has; the name is prefixed with the township's ('城关镇供电所'). */
const TOWNSHIP_STATIONS: ReadonlyArray<readonly [suffix: string, kind: string]> = [
  ['供电所', 'power'],
  ['派出所', 'police'],
  ['农业综合服务站', 'agriculture'],
  ['民政办', 'civil'],
  ['综合执法队', 'environment'],
  ['司法所', 'disputes'],
  ['人社所', 'labor'],
  ['卫生院', 'health'],
  ['便民服务中心', 'report_in'],
];

/** The stable id of the department of `kind` serving `regionCode`. */
export function departmentId(regionCode: string, kind: string): string {
  return stableId(`minqing/department/${regionCode}/${kind}`);
}

type DepartmentSeed = Omit<Department, 'createdAt' | 'disabled'>;

const department = (name: string, level: Department['level'], regionCode: string, kind: string): DepartmentSeed => ({
  id: departmentId(regionCode, kind),
  name,
  level,
  regionCode,
  kind,
});

/** The village committee (村委会, or 居委会 for a community) of a village. */
export const villageCommitteeName = (villageName: string): string =>
  villageName.endsWith('社区') ? `${villageName}居委会` : `${villageName}村委会`;

export function demoDepartments(): DepartmentSeed[] {
  const county = COUNTY_BUREAUS.map(([name, kind]) => department(name, 'county', COUNTY.code, kind));
  const townships = TOWNSHIPS.flatMap((township) =>
    TOWNSHIP_STATIONS.map(([suffix, kind]) => department(`${township.name}${suffix}`, 'township', township.code, kind)),
  );
  const villages = demoVillages().map((village) =>
    department(villageCommitteeName(village.name), 'village', village.code, VILLAGE_COMMITTEE_KIND),
  );
  return [...county, ...townships, ...villages];
}

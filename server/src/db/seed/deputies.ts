import type { Deputy } from '../entities';
import { COUNTY, TOWNSHIPS, villageCode } from './regions';
import { stableId } from './stableId';

/** The stable id of a deputy per (region, name), so re-seeding finds the same deputy. */
export function deputyId(regionCode: string, name: string): string {
  return stableId(`minqing/deputy/${regionCode}/${name}`);
}

const COUNTY_TITLE = '县人大代表';
const TOWNSHIP_TITLE = '镇人大代表';

/** Names are plausible, not the real register. One 县人大代表 for each township after 城关镇. */
const TOWNSHIP_DEPUTIES = ['赵永福', '孙桂芳', '吴长林', '郑海燕', '冯德全', '何秀英', '许光明', '邓春梅', '曹玉山'];

/**
 * The demo deputies: two county-wide, two elected in 城关镇, two for its first village (五一村,
 * the demo accounts' village), one for 涧池镇's first village and one for every other township.
 */
export function demoDeputies(): Deputy[] {
  const chengguan = TOWNSHIPS[0].code;
  const rows: Array<[regionCode: string, name: string, title: string]> = [
    [COUNTY.code, '刘建国', COUNTY_TITLE],
    [COUNTY.code, '杨淑华', COUNTY_TITLE],
    [chengguan, '王秀兰', COUNTY_TITLE],
    [chengguan, '陈志强', TOWNSHIP_TITLE],
    [villageCode(chengguan, 0), '张德明', TOWNSHIP_TITLE],
    [villageCode(chengguan, 0), '李春燕', TOWNSHIP_TITLE],
    [villageCode(TOWNSHIPS[1].code, 0), '周玉梅', TOWNSHIP_TITLE],
    ...TOWNSHIPS.slice(1).map((township, index): [string, string, string] => [
      township.code,
      TOWNSHIP_DEPUTIES[index] ?? `${township.name}代表`,
      COUNTY_TITLE,
    ]),
  ];
  return rows.map(([regionCode, name, title], index) => ({
    id: deputyId(regionCode, name),
    name,
    title,
    regionCode,
    sortOrder: index + 1,
  }));
}

import type { RegionNode, StaffAbility } from '@minqing/shared';
import { publishScopeOptions, regionNames } from './scopeOptions';

const region = (code: string, name: string, level: RegionNode['level'], children: RegionNode[] = []): RegionNode => ({
  code,
  name,
  level,
  children,
});
const tree = [
  region('610921', '汉阴县', 'county', [
    region('610921100', '城关镇', 'township', [
      region('610921100201', '五一村', 'village', [region('610921100201001', '第一网格', 'grid')]),
      region('610921100202', '三元村', 'village'),
    ]),
    region('610921101', '涧池镇', 'township', [region('610921101201', '涧池村', 'village')]),
  ]),
];

const codes = (options: ReturnType<typeof publishScopeOptions>): string[] =>
  options.flatMap((option) => [option.value, ...codes(option.children)]);

/** What the server grants: cadres and township dispatchers publish notices, the county and sysadmins articles too. */
const NOTICES: StaffAbility[] = ['queue', 'notices'];
const BOTH: StaffAbility[] = ['notices', 'articles'];
const NONE: StaffAbility[] = ['queue'];

describe('publishing scope per ability', () => {
  it('gives a cadre only their own village, without its grids', () => {
    const options = publishScopeOptions(tree, { abilities: NOTICES, regionCode: '610921100201' }, 'notice');
    expect(codes(options)).toEqual(['610921100201']);
    expect(options[0].title).toBe('五一村（本村(社区)）');
  });

  it('gives a township dispatcher the township and its villages, not another township', () => {
    expect(codes(publishScopeOptions(tree, { abilities: NOTICES, regionCode: '610921100' }, 'notice'))).toEqual([
      '610921100',
      '610921100201',
      '610921100202',
    ]);
  });

  it('gives the county and sysadmin the whole county', () => {
    for (const abilities of [NOTICES, BOTH]) {
      expect(codes(publishScopeOptions(tree, { abilities, regionCode: '610921' }, 'notice'))).toEqual([
        '610921',
        '610921100',
        '610921100201',
        '610921100202',
        '610921101',
        '610921101201',
      ]);
    }
  });

  it('offers nothing to accounts the server does not let publish', () => {
    expect(publishScopeOptions(tree, { abilities: NONE, regionCode: '610921100' }, 'notice')).toEqual([]);
    expect(publishScopeOptions(tree, { abilities: NONE, regionCode: '610921100201001' }, 'notice')).toEqual([]);
    // 消息推送 is for the county centre and sysadmins only.
    expect(publishScopeOptions(tree, { abilities: NOTICES, regionCode: '610921100' }, 'article')).toEqual([]);
    expect(codes(publishScopeOptions(tree, { abilities: BOTH, regionCode: '610921' }, 'article'))).toContain('610921');
  });

  it('offers nothing for a region missing from the tree', () => {
    expect(publishScopeOptions(tree, { abilities: NOTICES, regionCode: '610921999201' }, 'notice')).toEqual([]);
  });

  it('names every region', () => {
    expect(regionNames(tree).get('610921100202')).toBe('三元村');
  });
});

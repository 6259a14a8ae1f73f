import type { StaffRole } from '@minqing/shared';
import { Staff } from '../db/entities';
import { REGIONS } from '../test/factories';
import { publicationAllowedActions, publicationRefusal } from './content';

const staff = (role: StaffRole, regionCode: string) => Object.assign(new Staff(), { id: 'S1', role, regionCode });
const village = (status: 'draft' | 'published' | 'withdrawn') => ({ regionCode: REGIONS.chengguanVillage, status });

describe('notice and article policy: the status and who asks', () => {
  it('gives a publisher covering the item the actions its status allows, whoever wrote it', () => {
    const townCadre = staff('cadre', REGIONS.chengguan);
    expect(publicationAllowedActions(townCadre, 'notice', village('draft'))).toEqual(['edit', 'publish']);
    expect(publicationAllowedActions(townCadre, 'notice', village('published'))).toEqual(['edit', 'withdraw']);
    expect(publicationAllowedActions(townCadre, 'notice', village('withdrawn'))).toEqual(['edit', 'publish']);
  });

  it('gives nothing outside the subtree, to roles that do not publish, and articles only to the county', () => {
    expect(publicationAllowedActions(staff('dispatcher', REGIONS.jianchi), 'notice', village('draft'))).toEqual([]);
    expect(publicationAllowedActions(staff('handler', REGIONS.chengguan), 'notice', village('draft'))).toEqual([]);
    expect(publicationAllowedActions(staff('cadre', REGIONS.chengguan), 'article', village('draft'))).toEqual([]);
    expect(publicationAllowedActions(staff('county', REGIONS.county), 'article', village('published'))).toEqual([
      'edit',
      'withdraw',
    ]);
  });

  it('says why: 403 for who asks, 409 for the status', () => {
    const outsider = staff('dispatcher', REGIONS.jianchi);
    expect(publicationRefusal(outsider, 'notice', village('published'), 'withdraw')).toEqual({
      status: 403,
      message: '这条公告不在您负责的区域',
    });
    const cadre = staff('cadre', REGIONS.chengguanVillage);
    expect(publicationRefusal(cadre, 'notice', village('published'), 'publish')?.status).toBe(409);
    expect(publicationRefusal(cadre, 'notice', village('draft'), 'withdraw')?.status).toBe(409);
  });
});

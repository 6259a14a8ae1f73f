import type { EntityManager } from 'typeorm';
import type { Staff } from '../db/entities';
import { Region } from '../db/entities';
import { badRequest, forbidden } from '../errors';
import { staffCanPublishIn } from '../policies/content';

/**
 * Content goes to a county, township or village inside the author's own subtree. Scope is
 * checked before existence so that a code outside one's subtree reveals nothing about it.
 * Grids are refused because citizens only ever see their village and its ancestors.
 */
export async function assertPublishableRegion(
  manager: EntityManager,
  staff: Staff,
  regionCode: string,
): Promise<Region> {
  if (!staffCanPublishIn(staff, regionCode)) throw forbidden('只能在您负责的区域内发布');
  const region = await manager.getRepository(Region).findOneBy({ code: regionCode });
  if (!region) throw badRequest('没有这个区域', 'regionCode');
  if (region.level === 'grid') throw badRequest('只能发布到县、镇或村(社区)', 'regionCode');
  return region;
}

import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Deputy, type Region } from '../db/entities';

/** The village and its ancestors (township, county), village first. */
export function regionChain(regions: Map<string, Region>, villageCode: string): Region[] {
  const chain: Region[] = [];
  let region = regions.get(villageCode);
  while (region && chain.length < 8) {
    chain.push(region);
    region = region.parentCode ? regions.get(region.parentCode) : undefined;
  }
  return chain;
}

/**
 * The deputies a citizen of `chain[0]` may address: those representing the village, its township
 * or its county — nearest first, then in their seeded order.
 */
export async function deputiesFor(manager: EntityManager, chain: Region[]): Promise<Deputy[]> {
  if (chain.length === 0) return [];
  const depth = new Map(chain.map((region, index) => [region.code, index]));
  const deputies = await manager.getRepository(Deputy).find({ where: { regionCode: In([...depth.keys()]) } });
  return deputies.sort(
    (a, b) =>
      depth.get(a.regionCode)! - depth.get(b.regionCode)! ||
      a.sortOrder - b.sortOrder ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  );
}

/** A deputy the citizen of `chain[0]` may address, or null. */
export async function deputyFor(manager: EntityManager, chain: Region[], deputyId: string): Promise<Deputy | null> {
  const deputy = await manager.getRepository(Deputy).findOneBy({ id: deputyId });
  return deputy && chain.some((region) => region.code === deputy.regionCode) ? deputy : null;
}

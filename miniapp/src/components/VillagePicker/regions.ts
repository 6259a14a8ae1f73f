import { useEffect, useState } from 'react';
import type { RegionNode } from '@minqing/shared';
import { getRegions } from '../../services/api';

export interface VillageInfo {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
}

/** Every village of the tree by code, with its township. */
export function villagesOf(tree: readonly RegionNode[]): Map<string, VillageInfo> {
  const result = new Map<string, VillageInfo>();
  const walk = (nodes: readonly RegionNode[], township: RegionNode | null) => {
    for (const node of nodes) {
      if (node.level === 'village' && township) {
        result.set(node.code, {
          code: node.code,
          name: node.name,
          townshipCode: township.code,
          townshipName: township.name,
        });
      }
      walk(node.children, node.level === 'township' ? node : township);
    }
  };
  walk(tree, null);
  return result;
}

/** The townships of the tree (under the county), in the server's order. */
export function townshipsOf(tree: readonly RegionNode[]): RegionNode[] {
  const result: RegionNode[] = [];
  const walk = (nodes: readonly RegionNode[]) => {
    for (const node of nodes) {
      if (node.level === 'township') result.push(node);
      else walk(node.children);
    }
  };
  walk(tree);
  return result;
}

/** "城关镇 五一村", or null when the code is not in the tree. */
export function villageLabel(tree: readonly RegionNode[], code: string | null | undefined): string | null {
  if (!code) return null;
  const village = villagesOf(tree).get(code);
  return village ? `${village.townshipName} ${village.name}` : null;
}

let cached: Promise<RegionNode[]> | null = null;

/** The county's villages; fetched once per app session (a failure is not remembered). */
export function loadVillageTree(): Promise<RegionNode[]> {
  if (!cached) {
    cached = getRegions('village').catch((error: unknown) => {
      cached = null;
      throw error;
    });
  }
  return cached;
}

/** "城关镇 五一村" for a village code once the tree has loaded; null before, or when unknown. */
export function useVillageLabel(code: string | null | undefined): string | null {
  const [tree, setTree] = useState<RegionNode[] | null>(null);
  useEffect(() => {
    if (!code) return undefined;
    let alive = true;
    loadVillageTree()
      .then((loaded) => alive && setTree(loaded))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [code]);
  return tree ? villageLabel(tree, code) : null;
}

/** For tests. */
export function forgetVillageTree(): void {
  cached = null;
}

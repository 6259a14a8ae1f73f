import type { RegionNode } from '@minqing/shared';
import { findRegion } from '../regionTree';

export interface TreeOption {
  value: string;
  title: string;
  /** Townships hold villages; only villages and townships keep a 积分超市. */
  selectable?: boolean;
  children?: TreeOption[];
}

function toOption(node: RegionNode): TreeOption {
  const children = node.children
    .filter((child) => child.level === 'township' || child.level === 'village')
    .map(toOption);
  return {
    value: node.code,
    title: node.name,
    selectable: node.level !== 'county',
    ...(children.length ? { children } : {}),
  };
}

/**
 * Where the signed-in staff member may put a shop item: their own township or village, or one
 * below it (the server refuses others with 403, and anything but a village or township with 400).
 * A grid worker's scope lies below any shop, so they get nothing to choose.
 */
export function shopRegionOptions(tree: readonly RegionNode[], scopeCode: string): TreeOption[] {
  const scope = findRegion(tree, scopeCode);
  if (!scope || scope.level === 'grid') return [];
  return [toOption(scope)];
}

/** The places to filter a list by: everything inside the scope except the scope itself. */
export function filterRegionOptions(tree: readonly RegionNode[], scopeCode: string): TreeOption[] {
  const scope = findRegion(tree, scopeCode);
  return scope ? scope.children.filter((child) => child.level !== 'grid').map(toOption) : [];
}

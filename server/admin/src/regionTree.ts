import { type RegionNode, isWithin } from '@minqing/shared';

/** One TreeSelect choice of a region; `children` only when it has some. */
export interface RegionTreeOption {
  value: string;
  title: string;
  children?: RegionTreeOption[];
}

/**
 * The one walker of region trees (what catalogRoutes.regions answers; codes from shared/src/domain/regionCodes.ts).
 * The node of `code`, descending only into the branch whose code prefixes it; null when absent.
 */
export function findRegion(tree: readonly RegionNode[], code: string | undefined): RegionNode | null {
  if (!code) return null;
  for (const node of tree) {
    if (node.code === code) return node;
    if (isWithin(code, node.code)) return findRegion(node.children, code);
  }
  return null;
}

/** Every node, parents before their children, each with its ancestors (the county first). */
export function flattenRegions(
  tree: readonly RegionNode[],
  ancestors: readonly RegionNode[] = [],
): { node: RegionNode; ancestors: readonly RegionNode[] }[] {
  return tree.flatMap((node) => [{ node, ancestors }, ...flattenRegions(node.children, [...ancestors, node])]);
}

/** Nodes as TreeSelect options, keeping only the children `keep` accepts (all by default). */
export function regionTreeOptions(
  nodes: readonly RegionNode[],
  keep: (child: RegionNode) => boolean = () => true,
): RegionTreeOption[] {
  return nodes.map((node) => {
    const children = regionTreeOptions(node.children.filter(keep), keep);
    return { value: node.code, title: node.name, ...(children.length ? { children } : {}) };
  });
}

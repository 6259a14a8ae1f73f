import type { RegionNode } from '@minqing/shared';

export interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

/** The part of the region tree within `scopeCode` ('' for all of it), as TreeSelect options. */
export function regionOptions(tree: readonly RegionNode[], scopeCode: string): TreeOption[] {
  const convert = (node: RegionNode): TreeOption => ({
    value: node.code,
    title: node.name,
    ...(node.children.length ? { children: node.children.map(convert) } : {}),
  });
  const find = (nodes: readonly RegionNode[]): RegionNode[] =>
    nodes.flatMap((node) =>
      node.code === scopeCode ? [node] : scopeCode.startsWith(node.code) ? find(node.children) : [],
    );
  return (scopeCode ? find(tree) : tree).map(convert);
}

/** Whether a code lies in the subtree of `root` (codes are hierarchical prefixes). */
export const isWithin = (code: string, root: string) => code.startsWith(root);

/** What a region below `parentCode` may be called: three more digits, and the parent's code in front. */
export function childCodeError(parentCode: string | null, code: string): string | null {
  if (!parentCode) return /^\d{6}$/.test(code) ? null : '县级区划代码为 6 位数字';
  if (!code.startsWith(parentCode) || !new RegExp(`^\\d{${parentCode.length + 3}}$`).test(code))
    return `下级区划代码应为上级代码 ${parentCode} 后加 3 位数字`;
  return null;
}

export const LEVEL_NAMES = { county: '县', township: '镇', village: '村(社区)', grid: '网格' } as const;

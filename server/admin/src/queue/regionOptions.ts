import type { RegionNode } from '@minqing/shared';

export interface RegionOption {
  value: string;
  title: string;
  children?: RegionOption[];
}

function find(nodes: RegionNode[], code: string): RegionNode | null {
  for (const node of nodes) {
    if (node.code === code) return node;
    if (code.startsWith(node.code)) return find(node.children, code);
  }
  return null;
}

const toOption = (node: RegionNode): RegionOption => ({
  value: node.code,
  title: node.name,
  ...(node.children.length ? { children: node.children.map(toOption) } : {}),
});

/**
 * The township/village filter's choices: the places inside the staff member's scope only (the
 * server would refuse any other with 403). A county user picks among townships and their
 * villages, a township user among its villages; a village user has nothing to narrow.
 */
export function regionOptions(tree: RegionNode[], scopeCode: string): RegionOption[] {
  const scope = find(tree, scopeCode);
  return scope ? scope.children.map(toOption) : [];
}

import type { GetModuleInfo, ModuleInfo } from 'rollup';

/**
 * The modules a build really runs for some roots, and what they import by name: `import { Table }
 * from 'antd'` reaches antd's table, not every component antd's index re-exports. Only modules whose
 * code the build kept (tree-shaking) count; dynamic imports are not followed.
 */
export function modulesUsedBy(roots: readonly string[], getModuleInfo: GetModuleInfo): Set<string> {
  const used = new Set<string>();
  /** Per module, the names already followed ('*': all of them). */
  const followed = new Map<string, Set<string>>();
  const pending: [string, readonly string[] | '*'][] = roots.map((root) => [root, '*']);
  while (pending.length > 0) {
    const [id, wanted] = pending.pop() as [string, readonly string[] | '*'];
    const info = getModuleInfo(id);
    if (!info) continue;
    const seen = followed.get(id) ?? new Set<string>();
    const first = !followed.has(id);
    followed.set(id, seen);
    const fresh = wanted === '*' ? (seen.has('*') ? [] : ['*']) : wanted.filter((name) => !seen.has(name));
    if (!first && fresh.length === 0) continue;
    for (const name of fresh) seen.add(name);
    if (info.isIncluded) used.add(id);
    for (const next of importsOf(info, first, fresh, getModuleInfo)) pending.push(next);
  }
  // Rollup also keeps, for their side effects, the imports of a kept module that the build kept, even
  // a re-export nobody asked for, and those behind an index of re-exports whose package may have side effects.
  const kept = [...used];
  const passed = new Set<string>();
  const keepImportsOf = (id: string) => {
    for (const imported of getModuleInfo(id)?.importedIds ?? []) {
      const info = getModuleInfo(imported);
      if (!info || used.has(imported)) continue;
      if (info.isIncluded) {
        used.add(imported);
        kept.push(imported);
      } else if (info.moduleSideEffects !== false && !passed.has(imported)) {
        passed.add(imported);
        keepImportsOf(imported);
      }
    }
  };
  for (const id of kept) keepImportsOf(id);
  return used;
}

interface Named {
  type: string;
  name?: string;
  value?: unknown;
}
interface Specifier {
  type: string;
  imported?: Named;
  local?: Named;
  exported?: Named;
}
interface Statement {
  type: string;
  source?: { value: unknown } | null;
  specifiers?: Specifier[];
  exported?: Named | null;
}

const nameOf = (node: Named | undefined) => String(node?.name ?? node?.value ?? '');

/**
 * What a module makes the build follow: on first sight, its imports (the names it imports from each);
 * for the names asked of it, the re-exports that provide them. Falls back to everything when the
 * module's sources cannot be matched with the ids Rollup resolved them to.
 */
function importsOf(
  info: ModuleInfo,
  first: boolean,
  names: readonly string[],
  getModuleInfo: GetModuleInfo,
): [string, readonly string[] | '*'][] {
  const body = (info.ast as unknown as { body?: Statement[] } | null)?.body;
  const sources = body
    ? [...new Set(body.flatMap((statement) => (statement.source ? [String(statement.source.value)] : [])))]
    : [];
  if (!body || sources.length !== info.importedIds.length) return info.importedIds.map((id) => [id, '*']);
  const idOf = new Map(sources.map((source, index) => [source, info.importedIds[index]]));
  const all = names.includes('*');
  const found: [string, readonly string[] | '*'][] = [];
  for (const statement of body) {
    const id = statement.source ? idOf.get(String(statement.source.value)) : undefined;
    if (!id) continue;
    const specifiers = statement.specifiers ?? [];
    if (statement.type === 'ImportDeclaration') {
      if (!first) continue;
      const imported = specifiers.map((specifier) =>
        specifier.type === 'ImportSpecifier'
          ? nameOf(specifier.imported)
          : specifier.type === 'ImportDefaultSpecifier'
            ? 'default'
            : '*',
      );
      // `import './x'` runs the module for its effects: follow it whole.
      found.push([id, imported.length === 0 || imported.includes('*') ? '*' : imported]);
    } else if (statement.type === 'ExportNamedDeclaration') {
      const asked = specifiers.filter((specifier) => all || names.includes(nameOf(specifier.exported)));
      if (asked.length > 0) found.push([id, asked.map((specifier) => nameOf(specifier.local))]);
    } else if (statement.type === 'ExportAllDeclaration') {
      if (statement.exported) {
        if (all || names.includes(nameOf(statement.exported))) found.push([id, '*']);
      } else {
        // `export * from './x'` provides only the names x exports.
        const exported = getModuleInfo(id)?.exports;
        const provided = names.filter((name) => name !== 'default' && (!exported || exported.includes(name)));
        if (all || provided.length > 0) found.push([id, all ? '*' : provided]);
      }
    }
  }
  return found;
}

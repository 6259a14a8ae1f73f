/**
 * The main package (downloaded before the first screen, on any signal) holds app.ts, the tab pages and
 * what they import — nothing more. This follows their imports in the sources, as webpack does, and
 * fails when one reaches a sub-package's code, a zod schema of `@minqing/shared` (zod is ~90 KB: only
 * the sub-packages that check a form carry it) or an npm package other than React and Taro.
 * `npm run bench:miniapp` measures the result (budget 400 KB).
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../src');
const SHARED_SRC = path.resolve(__dirname, '../../shared/src');
const ALLOWED_PACKAGES = [/^react(\/|$)/, /^@tarojs\//];

interface Import {
  specifier: string;
  /** Value names imported (`import { A, type B }` → A); null for a default, namespace or bare import. */
  names: string[] | null;
}

/** The value imports and re-exports of one file (`import type` and `export type` bring no code). */
function importsOf(file: string): Import[] {
  const source = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  const pattern =
    /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) {
    if (match[5]) {
      found.push({ specifier: match[5], names: null });
      continue;
    }
    if (match[2]) continue;
    const clause = match[3];
    const braces = /\{([^}]*)\}/.exec(clause);
    const names = braces
      ? braces[1]
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part && !part.startsWith('type '))
          .map((part) => part.split(/\s+as\s+/)[0].trim())
      : [];
    const hasDefault = /^[A-Za-z_$][\w$]*\s*(,|$)/.test(clause) || clause.includes('*');
    if (names.length === 0 && !hasDefault) continue;
    found.push({ specifier: match[4], names: hasDefault ? null : names });
  }
  return found;
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? path.join(SRC, specifier.slice(2))
    : path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) ?? null;
}

/** Every mini-program source file reachable from the entries, with the shared names and packages they use. */
function mainPackageGraph(entries: string[]) {
  const files = new Set<string>();
  const sharedNames = new Map<string, string>();
  const packages = new Map<string, string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const { specifier, names } of importsOf(file)) {
      if (/\.(s?css|png|jpe?g|gif|svg|mp3)$/.test(specifier)) continue;
      if (specifier === '@minqing/shared') {
        for (const name of names ?? ['*']) sharedNames.set(name, path.relative(SRC, file));
      } else if (specifier.startsWith('.') || specifier.startsWith('@/')) {
        const target = resolveRelative(file, specifier);
        if (!target) throw new Error(`${file}: cannot resolve ${specifier}`);
        queue.push(target);
      } else {
        packages.set(specifier, path.relative(SRC, file));
      }
    }
  }
  return { files, sharedNames, packages };
}

/** Whether a shared module, or one it imports, imports zod. */
function bringsZod(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  return importsOf(file).some(({ specifier }) => {
    if (specifier === 'zod' || specifier.startsWith('zod/')) return true;
    if (!specifier.startsWith('.')) return false;
    const target = resolveRelative(file, specifier);
    return target !== null && bringsZod(target, seen);
  });
}

/** Where `@minqing/shared` defines each exported value (its index re-exports every module). */
function sharedDefinitions(): Map<string, string> {
  const definitions = new Map<string, string>();
  const index = path.join(SHARED_SRC, 'index.ts');
  const modules = [...fs.readFileSync(index, 'utf8').matchAll(/export \* from '([^']+)'/g)].map(
    (match) => resolveRelative(index, match[1]) as string,
  );
  for (const module of modules) {
    const source = fs.readFileSync(module, 'utf8');
    for (const match of source.matchAll(/^export (?:const|function|class|enum) ([A-Za-z_$][\w$]*)/gm))
      definitions.set(match[1], module);
    for (const match of source.matchAll(/^export \{([^}]*)\}/gm))
      for (const name of match[1].split(',').map((part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()
          ?.trim(),
      ))
        if (name && !name.startsWith('type ')) definitions.set(name, module);
  }
  return definitions;
}

const appConfig = fs.readFileSync(path.join(SRC, 'app.config.ts'), 'utf8');
const tabPages = [...(/\bpages:\s*\[([^\]]*)\]/.exec(appConfig)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
  (match) => match[1],
);
const graph = mainPackageGraph([
  path.join(SRC, 'app.ts'),
  ...tabPages.map((page) => resolveRelative(path.join(SRC, 'app.ts'), `./${page}`) as string),
]);

describe('the main package', () => {
  it('is app.ts and the four tab pages, with what they import', () => {
    expect(tabPages).toEqual(['pages/home/index', 'pages/report/index', 'pages/notices/index', 'pages/me/index']);
    // The walk reaches what the app starts with: the offline draft queue and its transport.
    const reached = [...graph.files].map((file) => path.relative(SRC, file));
    expect(reached).toEqual(expect.arrayContaining(['services/draftQueue.ts', 'services/api.ts']));
  });

  it('holds no sub-package code', () => {
    const fromPackages = [...graph.files]
      .map((file) => path.relative(SRC, file))
      .filter((file) => file.startsWith('packages/'));
    expect(fromPackages).toEqual([]);
  });

  it('takes nothing from @minqing/shared that brings zod (schemas stay with the sub-packages that check)', () => {
    const definitions = sharedDefinitions();
    expect(definitions.get('SubmitReportRequestSchema')).toMatch(/schemas[\\/]reports\.ts$/);
    const withZod = [...graph.sharedNames].flatMap(([name, importer]) => {
      const module = definitions.get(name);
      if (!module) return [`${name} (imported by ${importer}) is not a value of @minqing/shared`];
      return bringsZod(module) ? [`${name} from ${path.relative(SHARED_SRC, module)} (imported by ${importer})`] : [];
    });
    expect(withZod).toEqual([]);
  });

  it('uses no npm package but React and Taro', () => {
    const others = [...graph.packages].filter(([name]) => !ALLOWED_PACKAGES.some((allowed) => allowed.test(name)));
    expect(others).toEqual([]);
  });
});

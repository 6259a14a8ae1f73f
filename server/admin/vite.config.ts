import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { ManualChunksOption, OutputChunk } from 'rollup';
import { type HtmlTagDescriptor, type Plugin, defineConfig } from 'vite';
import { modulesUsedBy } from './nextScreenChunks';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Our stand-in for a library (see the alias below): it goes with the libraries' chunks. */
const NATIVE_RESIZE_OBSERVER = path.resolve(here, 'src/nativeResizeObserver.ts');

/**
 * Libraries that change rarely get chunks of their own, so a release that changes only our code
 * keeps them cached; ECharts and the editor stay apart so only the screens that use them load them.
 */
const VENDOR_CHUNKS: readonly [string, RegExp][] = [
  ['react', /node_modules\/(react|react-dom|scheduler)\//],
  ['echarts', /node_modules\/(echarts|zrender)\//],
  ['editor', /node_modules\/(@tiptap|prosemirror-[a-z-]+|linkifyjs|orderedmap|rope-sequence|w3c-keyname)\//],
];

/** The screen after the sign-in page for most staff: the signed-in shell and the work queue. */
const NEXT_SCREEN = ['src/pages/AppShell.tsx', 'src/queue/WorkQueue.tsx'];

/**
 * Besides the libraries above, the page's own code and the next screen's come in two files each, their
 * libraries' apart from ours, rather than the two dozen small chunks Rollup would otherwise share out
 * between screens: on a line where each request waits half a second and a browser sends six at a
 * time, those round trips cost more than the bytes, and they kept the sign-in request waiting. The
 * libraries' files change only with the libraries or with what the screens use of them.
 */
function chunkOf(): ManualChunksOption {
  let firstLoad: Set<string> | undefined;
  let nextScreen: Set<string> | undefined;
  return (id, { getModuleIds, getModuleInfo }) => {
    const vendor = VENDOR_CHUNKS.find(([, pattern]) => pattern.test(id))?.[0];
    if (vendor) return vendor;
    if (!firstLoad || !nextScreen) {
      const entries = [...getModuleIds()].filter((moduleId) => getModuleInfo(moduleId)?.isEntry);
      firstLoad = modulesUsedBy(entries, getModuleInfo);
      nextScreen = modulesUsedBy(
        NEXT_SCREEN.map((source) => path.resolve(here, source)),
        getModuleInfo,
      );
    }
    // Every library module gets a chunk: Rollup would put one left over in the chunk of whatever reaches
    // it first, through an index of re-exports (antd's) that reaches them all.
    const library = id.includes('/node_modules/') || id === NATIVE_RESIZE_OBSERVER;
    // Rollup's and Vite's own helpers (CommonJS interop, preloading) go with React, whose chunk imports
    // nothing else, so no two chunks of the first load import each other.
    if (id.startsWith('\0') && !library && firstLoad.has(id)) return 'react';
    if (firstLoad.has(id)) return library ? 'vendor' : 'index';
    if (nextScreen.has(id)) return library ? 'next-screen-vendor' : 'next-screen';
    return library ? 'screens-vendor' : undefined;
  };
}

/**
 * index.html paints the sign-in page itself (no script needed); while the clerk types, the browser
 * fetches the code of the screen that follows. Its links, marked data-next-screen, wait without a
 * `rel` until index.html's script makes them modulepreloads after the first paint, so they do not
 * share the line with the page itself.
 */
function preloadNextScreen(base: string): Plugin {
  return {
    name: 'preload-next-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const files = new Set<string>();
        const add = (chunk: OutputChunk | undefined) => {
          if (!chunk || files.has(chunk.fileName)) return;
          files.add(chunk.fileName);
          for (const imported of chunk.imports) add(byFile.get(imported));
        };
        for (const source of NEXT_SCREEN) {
          const chunk = chunks.find((candidate) => path.resolve(here, source) in candidate.modules);
          if (!chunk) throw new Error(`no chunk holds ${source}`);
          add(chunk);
        }
        // The next screen's own files must not have become the first load's.
        const early = [...files].filter(
          (file) => byFile.get(file)?.name.startsWith('next-screen') && html.includes(file),
        );
        if (early.length > 0) throw new Error(`the sign-in page loads the next screen's ${early.join(', ')}`);
        return [...files]
          .filter((file) => !html.includes(file))
          .map(
            (file): HtmlTagDescriptor => ({
              tag: 'link',
              attrs: { 'data-next-screen': true, crossorigin: true, href: `${base}${file}` },
              injectTo: 'body',
            }),
          );
      },
    },
  };
}

/**
 * Ant Design's form context (every input reads it) and its form hooks (Radio.Group takes a helper from
 * them) each take one thing from `rc-field-form`'s index, and that index brings all of the form
 * library with it (fields, lists, the validator): ~20 KB gzipped on the work queue's path that its
 * first rows do not use. They take it from its own module instead, the very module the index
 * re-exports, so the screens with forms still share one context and one store.
 */
const FROM_FORM_MODULE: [RegExp, string, string][] = [
  [
    /\/node_modules\/antd\/es\/form\/context\.js$/,
    "import { FormProvider as RcFormProvider } from 'rc-field-form';",
    "import { FormProvider as RcFormProvider } from 'rc-field-form/es/FormContext';",
  ],
  [
    /\/node_modules\/antd\/es\/form\/hooks\/useForm\.js$/,
    "import { useForm as useRcForm } from 'rc-field-form';",
    "import useRcForm from 'rc-field-form/es/useForm';",
  ],
];

/** `const Name = …` in place of an import of `source`: fetched the first time it is drawn, `fallback` meanwhile. */
const drawnLater = (name: string, source: string, fallback: string) =>
  `const Lazy${name} = /*#__PURE__*/ React.lazy(() => import('${source}'));
const ${name} = (props) =>
  React.createElement(React.Suspense, { fallback: ${fallback} }, React.createElement(Lazy${name}, props));`;

/**
 * Parts of Ant Design's components that the work queue's first rows do not need, fetched when first
 * drawn instead of before the rows (each of these modules imports React as `React`):
 * - a table column's filter dropdown (its tree, search box, menus; ~20 KB gzipped): no table on the
 *   queue's path has one, so its title stands alone meanwhile; `flattenKeys`, the one other thing
 *   taken from that module, is the same few lines;
 * - the pager's page-size select (all of Select, ~20 KB gzipped): it shows a moment after the rows,
 *   with the filter bar, which needs Select anyway;
 * - Typography's in-place editor (a TextArea): no text on the queue's path is editable.
 */
const DRAWN_LATER: [RegExp, string, string][] = [
  [
    /\/node_modules\/antd\/es\/table\/hooks\/useFilter\/index\.js$/,
    "import FilterDropdown, { flattenKeys } from './FilterDropdown';",
    `${drawnLater('FilterDropdown', './FilterDropdown', 'props.children')}
function flattenKeys(filters) {
  let keys = [];
  (filters || []).forEach(({ value, children }) => {
    keys.push(value);
    if (children) keys = [...keys, ...flattenKeys(children)];
  });
  return keys;
}`,
  ],
  [
    /\/node_modules\/antd\/es\/pagination\/Pagination\.js$/,
    "import Select from '../select';",
    drawnLater('Select', '../select', 'null'),
  ],
  [
    /\/node_modules\/antd\/es\/typography\/Base\/index\.js$/,
    "import Editable from '../Editable';",
    drawnLater('Editable', '../Editable', 'null'),
  ],
];

/** Moves the parts of Ant Design named above off the work queue's path, at build time. */
function libraryPartsApart(): Plugin {
  const rewrites = [...FROM_FORM_MODULE, ...DRAWN_LATER];
  return {
    name: 'library-parts-apart',
    apply: 'build',
    transform(code, id) {
      const rewrite = rewrites.find(([file]) => file.test(id));
      if (!rewrite) return null;
      const [, before, after] = rewrite;
      if (!code.includes(before)) throw new Error(`${id} no longer reads \`${before}\`: see vite.config.ts`);
      return { code: code.replace(before, after), map: null };
    },
  };
}

/** Served by the Koa server at /admin/ (server/src/http/h5/staticBuild.ts); `npm run dev` proxies the API. */
export default defineConfig({
  base: '/admin/',
  plugins: [react(), libraryPartsApart(), preloadNextScreen('/admin/')],
  resolve: {
    alias: {
      // `@minqing/shared` is compiled from its TypeScript sources, like the mini-program does.
      '@minqing/shared': path.resolve(here, '../../shared/src/index.ts'),
      // The browsers the build targets all have ResizeObserver (src/nativeResizeObserver.ts).
      'resize-observer-polyfill': NATIVE_RESIZE_OBSERVER,
    },
  },
  build: {
    outDir: path.resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: { manualChunks: chunkOf() },
      // shared/ only declares schemas, enums and contracts: a screen that needs one enum must not pull in every schema.
      treeshake: { moduleSideEffects: (id) => !id.includes('/shared/src/') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3210' } },
});

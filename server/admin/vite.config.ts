import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { OutputChunk } from 'rollup';
import { type HtmlTagDescriptor, type Plugin, defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Libraries that change rarely get chunks of their own, so a release that changes only our code
 * keeps them cached; ECharts and the editor stay apart so only the screens that use them load them.
 */
const VENDOR_CHUNKS: readonly [string, RegExp][] = [
  ['react', /node_modules\/(react|react-dom|scheduler)\//],
  ['echarts', /node_modules\/(echarts|zrender)\//],
  ['editor', /node_modules\/(@tiptap|prosemirror-[a-z-]+|linkifyjs|orderedmap|rope-sequence|w3c-keyname)\//],
];

function vendorChunk(id: string): string | undefined {
  return VENDOR_CHUNKS.find(([, pattern]) => pattern.test(id))?.[0];
}

/** The screen after the sign-in page for most staff: the signed-in shell and the work queue. */
const NEXT_SCREEN = ['src/pages/AppShell.tsx', 'src/queue/WorkQueue.tsx'];

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
          const chunk = chunks.find((candidate) => candidate.facadeModuleId === path.resolve(here, source));
          if (!chunk) throw new Error(`no chunk of its own for ${source}`);
          add(chunk);
        }
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

/** Served by the Koa server at /admin/ (server/src/routes/h5/staticBuild.ts); `npm run dev` proxies the API. */
export default defineConfig({
  base: '/admin/',
  plugins: [react(), preloadNextScreen('/admin/')],
  resolve: {
    // `@minqing/shared` is compiled from its TypeScript sources, like the mini-program does.
    alias: { '@minqing/shared': path.resolve(here, '../../shared/src/index.ts') },
  },
  build: {
    outDir: path.resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
      // shared/ only declares schemas, enums and contracts: a screen that needs one enum must not pull in every schema.
      treeshake: { moduleSideEffects: (id) => !id.includes('/shared/src/') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3210' } },
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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

/** Served by the Koa server at /admin/ (server/src/routes/h5/staticBuild.ts); `npm run dev` proxies the API. */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
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

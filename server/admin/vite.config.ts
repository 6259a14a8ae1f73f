import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Served by the Koa server at /admin/ (server/src/routes/h5/staticBuild.ts); `npm run dev` proxies the API. */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // `@minqing/shared` is compiled from its TypeScript sources, like the mini-program does.
    alias: { '@minqing/shared': path.resolve(here, '../../shared/src/index.ts') },
  },
  build: { outDir: path.resolve(here, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3210' } },
});

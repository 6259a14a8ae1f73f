import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Middleware } from 'koa';
import type { AppDeps, AppState } from '../../context';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Text worth compressing: a weak mobile signal loads the bundle three times faster gzipped. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.map', '.txt', '.svg']);

/** Gzipped copies, made once per file version (the build folder holds a few files). */
const gzipped = new Map<string, { version: string; bytes: Buffer }>();

function gzippedCopy(file: string, stat: fs.Stats): Buffer {
  const version = `${stat.mtimeMs}:${stat.size}`;
  const cached = gzipped.get(file);
  if (cached?.version === version) return cached.bytes;
  const bytes = gzipSync(fs.readFileSync(file));
  gzipped.set(file, { version, bytes });
  return bytes;
}

/** Webpack (the mini-program's H5 build) names these with a content hash: they never change, so browsers may keep them. */
const IMMUTABLE_DIRS = ['js/', 'css/', 'static/'];

/** Vite (the admin panel, server/admin) puts its content-hashed files under assets/. */
export const VITE_IMMUTABLE_DIRS = ['assets/'];

function fileAt(file: string): fs.Stats | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

/** The file under `root` a request path names; null for anything outside it or unreadable. */
function resolveInside(root: string, relative: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const full = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

/**
 * Serves a single-page build at `prefix`: the mini-program's H5 build (`npm run build:h5 -w miniapp`)
 * at /h5/, the admin panel (`npm run build -w server/admin`) at /admin/. Files as they are, and
 * index.html for client routes (/h5/pages/…) so a reload or shared link works. Files under
 * `immutableDirs` carry a content hash and are cached for good. Does nothing while the build folder
 * does not exist; never serves outside it.
 */
export function h5Static(
  prefix: string,
  dir: string,
  immutableDirs: readonly string[] = IMMUTABLE_DIRS,
): Middleware<AppState, { deps: AppDeps }> {
  const root = path.resolve(dir);
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !(ctx.path === prefix || ctx.path.startsWith(`${prefix}/`)))
      return next();
    const index = path.join(root, 'index.html');
    if (!fileAt(index)) return next();
    if (ctx.path === prefix) {
      ctx.redirect(`${prefix}/`);
      return;
    }
    const relative = ctx.path.slice(prefix.length + 1);
    const file = relative === '' ? index : resolveInside(root, relative);
    if (file === null) return next();
    let served = file;
    let stat = fileAt(file);
    if (!stat) {
      // A missing asset stays a 404; a path without an extension is a page of the app.
      if (path.extname(relative) !== '') return next();
      served = index;
      stat = fileAt(index);
      if (!stat) return next();
    }
    const immutable = served !== index && immutableDirs.some((folder) => relative.startsWith(folder));
    ctx.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.set('X-Content-Type-Options', 'nosniff');
    const extension = path.extname(served).toLowerCase();
    ctx.type = CONTENT_TYPES[extension] ?? 'application/octet-stream';
    if (COMPRESSIBLE.has(extension)) {
      ctx.vary('Accept-Encoding');
      if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
        ctx.set('Content-Encoding', 'gzip');
        ctx.body = gzippedCopy(served, stat);
        return;
      }
    }
    ctx.length = stat.size;
    ctx.body = fs.createReadStream(served);
  };
}

// Mini-program benchmark (npm run bench:miniapp): package sizes of the WeChat build and the
// first-contentful-paint of the H5 home page in Chromium, served by a demo server this script starts.
//
//   1. `npm run build:weapp -w miniapp`, then the size of the main package (everything under
//      miniapp/dist/weapp outside the sub-package roots) and of each sub-package — WeChat allows
//      2 MB each, our budget for the main package is 400 KB (what a first open downloads on a weak
//      signal: the tab pages and what they share; miniapp/test/mainPackage.test.ts keeps zod out).
//   2. The H5 build (built by `npm run build`, or here if missing) served at /h5/ by the real
//      server in demo mode on a fresh SQLite database; headless Chromium (Debian's, through
//      playwright-core) opens the home page BENCH_FCP_RUNS times in a fresh context each, on the
//      local network and on an emulated weak phone (Fast 3G + 4× slower CPU).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startDemoServer } from './bench/demoServer.mjs';
import { stopAll, stopChildrenOnExit } from './bench/processes.mjs';
import { renderTable } from './bench/stats.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const weappDir = path.join(repoRoot, 'miniapp', 'dist', 'weapp');
const h5Dir = path.join(repoRoot, 'miniapp', 'dist', 'h5');
const MAIN_BUDGET_BYTES = 400 * 1024;
const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;
const TOTAL_LIMIT_BYTES = 20 * 1024 * 1024;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FCP_RUNS = Number(process.env.BENCH_FCP_RUNS ?? 5);
/** Chrome DevTools' "Fast 3G" preset and a cheap Android's CPU. */
const WEAK_PHONE = {
  latency: 562.5,
  downloadThroughput: (1.44 * 1024 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
  cpuSlowdown: 4,
};

const log = (message) => console.error(`[bench:miniapp] ${message}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function run(command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  }
  return (performance.now() - started) / 1000;
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function packageSizes() {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''));
  const sizes = new Map([['main', 0], ...roots.map((root) => [root, 0])]);
  for (const file of filesUnder(weappDir)) {
    const relative = path.relative(weappDir, file).split(path.sep).join('/');
    const owner = roots.find((root) => relative.startsWith(`${root}/`)) ?? 'main';
    sizes.set(owner, sizes.get(owner) + fs.statSync(file).size);
  }
  return sizes;
}

/** The JS and CSS index.html loads first, raw and gzipped. */
function h5InitialAssets() {
  const html = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/(?:src|href)="\/h5\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const bytes = fs.readFileSync(path.join(h5Dir, url));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: urls.length, raw, gzip };
}

/** FCP of one cold load of the home page, in a fresh browser context (empty cache and storage). */
async function measureFcp(browser, url, weak) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  try {
    const page = await context.newPage();
    if (weak) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: WEAK_PHONE.latency,
        downloadThroughput: WEAK_PHONE.downloadThroughput,
        uploadThroughput: WEAK_PHONE.uploadThroughput,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: WEAK_PHONE.cpuSlowdown });
    }
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return await page.evaluate(
      () =>
        new Promise((resolve) => {
          const found = () => performance.getEntriesByName('first-contentful-paint')[0];
          if (found()) return resolve(found().startTime);
          new PerformanceObserver(() => found() && resolve(found().startTime)).observe({
            type: 'paint',
            buffered: true,
          });
          setTimeout(() => resolve(null), 20_000);
        }),
    );
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  stopChildrenOnExit();
  log('building the WeChat package (npm run build:weapp -w miniapp)');
  const weappSeconds = run('npm', ['run', 'build:weapp', '-w', 'miniapp']);
  const sizes = packageSizes();
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);

  let h5Seconds = null;
  if (!fs.existsSync(path.join(h5Dir, 'index.html'))) {
    log('building H5 (npm run build:h5 -w miniapp)');
    h5Seconds = run('npm', ['run', 'build:h5', '-w', 'miniapp']);
  }
  if (!fs.existsSync(path.join(repoRoot, 'server', 'dist', 'index.js')))
    throw new Error('server/dist is missing: run `npm run build` first');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);

  log('starting the demo server with the H5 build');
  const server = await startDemoServer('bench-miniapp', { H5_DIR: h5Dir });
  const url = `http://127.0.0.1:${server.port}/h5/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const fcp = { local: [], weak: [] };
  try {
    for (const mode of ['local', 'weak']) {
      for (let index = 0; index < FCP_RUNS; index += 1) {
        const value = await measureFcp(browser, url, mode === 'weak');
        if (value === null) throw new Error('no first-contentful-paint within 20 s: the H5 home page did not render');
        fcp[mode].push(value);
      }
      log(`FCP ${mode}: ${fcp[mode].map((value) => value.toFixed(0)).join(', ')} ms`);
    }
  } finally {
    await browser.close();
    await stopAll();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }

  const assets = h5InitialAssets();
  const packageRows = [...sizes.entries()].map(([name, size]) => {
    const limit = name === 'main' ? MAIN_BUDGET_BYTES : PACKAGE_LIMIT_BYTES;
    return [name === 'main' ? 'main package' : name, kb(size), kb(limit), size <= limit ? 'ok' : 'OVER'];
  });
  packageRows.push(['total', kb(total), kb(TOTAL_LIMIT_BYTES), total <= TOTAL_LIMIT_BYTES ? 'ok' : 'OVER']);

  console.log(
    `\n321 民情在线 mini-program — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}\n`,
  );
  console.log(
    `WeChat build: ${weappSeconds.toFixed(1)} s${h5Seconds === null ? '' : `; H5 build: ${h5Seconds.toFixed(1)} s`}\n`,
  );
  console.log(renderTable(['package', 'size', 'budget', ''], packageRows));
  console.log(`\nH5 first load: ${assets.files} files, ${kb(assets.raw)} (${kb(assets.gzip)} gzipped)\n`);
  console.log(
    renderTable(
      ['H5 home page FCP (Chromium, 375×667)', 'median', 'min', 'max', 'runs'],
      [
        [
          'local network',
          ...[median(fcp.local), Math.min(...fcp.local), Math.max(...fcp.local)].map((ms) => `${ms.toFixed(0)} ms`),
          String(FCP_RUNS),
        ],
        [
          'Fast 3G + 4× CPU slowdown',
          ...[median(fcp.weak), Math.min(...fcp.weak), Math.max(...fcp.weak)].map((ms) => `${ms.toFixed(0)} ms`),
          String(FCP_RUNS),
        ],
      ],
    ),
  );
  const main = sizes.get('main');
  if (main > MAIN_BUDGET_BYTES) {
    console.log(`\nThe main package is over its ${kb(MAIN_BUDGET_BYTES)} budget.`);
    process.exitCode = 1;
  }
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});

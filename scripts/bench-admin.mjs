// Admin panel benchmark (npm run bench:admin): what a township clerk's browser downloads first, and
// how long the sign-in page and the work queue take on a weak line.
//
//   1. The admin build (server/admin/dist, built here if missing): the JavaScript index.html loads
//      first (its script and modulepreloads), raw and gzipped — the budget is 300 KB gzipped.
//   2. The real server in demo mode on a fresh SQLite database serves /admin/; headless Chromium
//      (Debian's, through playwright-core) on Chrome's "Fast 3G" with a 4× slower CPU, in a fresh
//      context each run (empty cache):
//      - sign-in page: from navigation until the 账号 field is visible (target ≤ 1.5 s);
//      - work queue: 20 villagers' reports are filed first; from clicking 登录 as `chengguan` until
//        the work queue's default tab has shown its rows or its empty state (target ≤ 3 s);
//      - bytes over the wire (encoded, as the browser received them) for each step.
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
const adminDir = path.join(repoRoot, 'server', 'admin', 'dist');
const FIRST_LOAD_BUDGET = 300 * 1024;
const LOGIN_TARGET_MS = 1500;
const QUEUE_TARGET_MS = 3000;
const RUNS = Number(process.env.BENCH_ADMIN_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-sync',
];
/** Chrome DevTools' "Fast 3G" preset and a slow office PC. */
const FAST_3G = { latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const DEMO_PASSWORD = 'Demo@321';

const log = (message) => console.error(`[bench:admin] ${message}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The JS index.html makes the browser fetch before anything renders: the entry and its modulepreloads. */
function firstLoadScripts() {
  const html = fs.readFileSync(path.join(adminDir, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/(?:src|href)="\/admin\/([^"]+\.js)"/g)].map((match) => match[1]);
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const bytes = fs.readFileSync(path.join(adminDir, url));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: urls.length, raw, gzip };
}

const VILLAGER_TEXTS = [
  '村口路灯坏了，晚上很黑',
  '自来水停了三天',
  '村道上有大坑，车辆难行',
  '垃圾很久没人清运',
  '河边护栏倒了',
];

/** A few villagers' reports in 城关镇, so the clerk's queue has rows to show. */
async function fileReports(base, count) {
  const json = async (response) => {
    if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const regions = await json(await fetch(`${base}/api/v1/regions?depth=village`));
  const town = regions.flatMap((county) => county.children ?? []).find((node) => node.name === '城关镇');
  const village = town?.children?.[0];
  if (!village) throw new Error('the demo has no village in 城关镇');
  for (let index = 0; index < count; index += 1) {
    const { token } = await json(
      await fetch(`${base}/api/v1/auth/dev-login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ openid: `bench-admin-${index}` }),
      }),
    );
    await json(
      await fetch(`${base}/api/v1/reports`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': `bench-admin-${index}`,
        },
        body: JSON.stringify({
          serviceCode: 'direct',
          villageCode: village.code,
          text: VILLAGER_TEXTS[index % VILLAGER_TEXTS.length],
        }),
      }),
    );
  }
}

/** One cold visit: sign-in page, then the work queue, with the bytes each step received. */
async function visit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...FAST_3G });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let received = 0;
    cdp.on('Network.loadingFinished', (event) => {
      received += event.encodedDataLength;
    });

    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.getByLabel('账号').waitFor({ state: 'visible', timeout: 60_000 });
    const login = performance.now() - started;
    const loginBytes = received;

    await page.getByLabel('账号').fill('chengguan');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    const clicked = performance.now();
    await page.getByRole('button', { name: /登\s*录/ }).click();
    // The default tab's rows, or its empty state, once the table has its answer.
    await page
      .locator('.ant-table-row, .ant-table-placeholder')
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 })
      .then(() => page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached', timeout: 60_000 }))
      .catch(async (error) => {
        const shot = path.join(os.tmpdir(), 'bench-admin-failure.png');
        await page.screenshot({ path: shot });
        throw new Error(`the work queue did not show (screenshot: ${shot})`, { cause: error });
      });
    const queue = performance.now() - clicked;
    return { login, queue, loginBytes, queueBytes: received - loginBytes };
  } finally {
    await context.close();
  }
}

async function main() {
  stopChildrenOnExit();
  if (!fs.existsSync(path.join(adminDir, 'index.html'))) {
    log('building the admin panel (npm run build:admin)');
    const built = spawnSync('npm', ['run', 'build:admin'], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:admin failed');
  }
  if (!fs.existsSync(path.join(repoRoot, 'server', 'dist', 'index.js')))
    throw new Error('server/dist is missing: run `npm run build` first');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);

  const first = firstLoadScripts();
  log('starting the demo server with the admin build');
  // Every run signs in from the same address: the request limiter stays off.
  const server = await startDemoServer('bench-admin', { ADMIN_DIR: adminDir, RATE_LIMITS: 'off' });
  await fileReports(`http://127.0.0.1:${server.port}`, 20);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const runs = [];
  try {
    for (let index = 0; index < RUNS; index += 1) {
      const result = await visit(browser, `http://127.0.0.1:${server.port}/admin/`);
      log(`run ${index + 1}: sign-in ${result.login.toFixed(0)} ms, queue ${result.queue.toFixed(0)} ms`);
      runs.push(result);
    }
  } finally {
    await browser.close();
    await stopAll();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }

  const row = (label, values, target, format) => {
    const middle = median(values);
    return [
      label,
      format(middle),
      format(Math.min(...values)),
      format(Math.max(...values)),
      format(target),
      middle <= target ? 'ok' : 'OVER',
    ];
  };
  const ms = (value) => `${value.toFixed(0)} ms`;
  console.log(
    `\n321 民情在线 admin panel — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}\n`,
  );
  console.log(
    `First load (index.html's scripts): ${first.files} files, ${kb(first.raw)} (${kb(first.gzip)} gzipped; budget ${kb(FIRST_LOAD_BUDGET)}) ${first.gzip <= FIRST_LOAD_BUDGET ? 'ok' : 'OVER'}\n`,
  );
  console.log(
    renderTable(
      ['Fast 3G + 4× CPU slowdown', 'median', 'min', 'max', 'target', ''],
      [
        row(
          'sign-in page visible',
          runs.map((run) => run.login),
          LOGIN_TARGET_MS,
          ms,
        ),
        row(
          'work queue after 登录',
          runs.map((run) => run.queue),
          QUEUE_TARGET_MS,
          ms,
        ),
      ],
    ),
  );
  console.log(
    `\nOver the wire (median): sign-in page ${kb(median(runs.map((run) => run.loginBytes)))}, then the queue ${kb(median(runs.map((run) => run.queueBytes)))}`,
  );
  if (first.gzip > FIRST_LOAD_BUDGET) process.exitCode = 1;
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});

// Admin panel benchmark (npm run bench:admin): what a township clerk's browser downloads first, and
// how long the sign-in page and the work queue take on a weak line.
//
//   1. The admin build (server/admin/dist, built here if missing): the JavaScript index.html loads
//      first (its script and modulepreloads), raw and gzipped — the budget is 300 KB gzipped — and
//      apart, the work queue's code it fetches after the first paint while the clerk types.
//   2. The real server in demo mode on a fresh SQLite database serves /admin/; headless Chromium
//      (Debian's, through playwright-core) on Chrome's "Fast 3G" with a 4× slower CPU, in a fresh
//      context each run (empty cache):
//      - sign-in page: from navigation until the first frame that shows the 账号 field (target ≤ 1.5 s);
//      - work queue: 20 villagers' reports are filed first; from the click on 登录 as `chengguan`
//        until the first frame with the work queue's default tab showing its rows or its empty
//        state, its first page answered (target ≤ 3 s), and apart the part of it after the login's
//        answer, since the server's password check takes longer on a loaded machine;
//      both timed inside the page (performance.now, see probe()), so the automation's own delays
//      under the slowed CPU do not count;
//      - bytes over the wire (encoded, as the browser received them) for each step, and the last
//        visit's requests in time order (HTML, each chunk, CSS, API calls) with when each ended.
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
import { recordTimeline } from './bench/timeline.mjs';

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

/**
 * The JS index.html makes the browser fetch: the sign-in page's own (the entry and its modulepreloads)
 * and, marked data-next-screen, the code of the work queue fetched while the clerk types.
 */
function firstLoadScripts() {
  const html = fs.readFileSync(path.join(adminDir, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/admin\/([^"]+\.js)"[^>]*>/g)];
  const sizes = (files) => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(adminDir, file));
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
    }
    return { files: files.length, raw, gzip };
  };
  const nextScreen = (tag) => tag[0].includes('data-next-screen');
  // The entry can be named twice (its script and a modulepreload): each file counts once.
  const once = (selected) => [...new Set(selected.map((tag) => tag[1]))];
  return {
    own: sizes(once(tags.filter((tag) => !nextScreen(tag)))),
    all: sizes(once(tags)),
  };
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

/**
 * Runs in the page from its start: notes, on the page's own clock (ms since the navigation), the
 * first frame that shows the 账号 field, the click on 登录, and the first frame after it that shows
 * the work queue's rows or its empty state, the table no longer loading and its first page answered.
 * Seen from inside the page, the moments do not include the automation's own delays.
 */
function probe() {
  const seen = {};
  window.__benchAdmin = seen;
  const visible = (element) => Boolean(element?.checkVisibility?.()) && element.getBoundingClientRect().width > 0;
  const signInShown = () =>
    visible([...document.querySelectorAll('label')].find((label) => label.textContent.trim() === '账号')?.control);
  const queueAnswered = () =>
    performance.getEntriesByType('resource').some((entry) => entry.name.includes('/api/v1/staff/reports?'));
  const queueShown = () =>
    visible(document.querySelector('.ant-table-row, .ant-table-placeholder')) &&
    !document.querySelector('.ant-table-wrapper .ant-spin-spinning') &&
    queueAnswered();
  document.addEventListener(
    'click',
    (event) => {
      if (seen.clicked === undefined && /登\s*录/.test(event.target.closest?.('button')?.textContent ?? ''))
        seen.clicked = performance.now();
    },
    true,
  );
  const frame = () => {
    if (seen.signIn === undefined && signInShown()) seen.signIn = performance.now();
    if (seen.clicked !== undefined && seen.queue === undefined && queueShown()) seen.queue = performance.now();
    if (seen.queue === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** One cold visit: sign-in page, then the work queue, with the bytes each step received. */
async function visit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  try {
    await context.addInitScript(probe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...FAST_3G });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const timeline = recordTimeline(cdp);
    const seen = () => page.evaluate(() => window.__benchAdmin);

    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.getByLabel('账号').waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForFunction(() => window.__benchAdmin.signIn !== undefined, null, { timeout: 60_000 });
    const loginBytes = timeline.received();

    await page.getByLabel('账号').fill('chengguan');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    // The work queue's first page must have been answered, not only a table drawn.
    const answered = page.waitForResponse((response) => response.url().includes('/api/v1/staff/reports?'), {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await answered;
    // The default tab's rows, or its empty state, once the table has its answer.
    await page
      .locator('.ant-table-row, .ant-table-placeholder')
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 })
      .then(() => page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached', timeout: 60_000 }))
      .then(() => page.waitForFunction(() => window.__benchAdmin.queue !== undefined, null, { timeout: 60_000 }))
      .catch(async (error) => {
        const shot = path.join(os.tmpdir(), 'bench-admin-failure.png');
        await page.screenshot({ path: shot });
        throw new Error(`the work queue did not show (screenshot: ${shot})`, { cause: error });
      });
    const moments = await seen();
    // When the login's answer had arrived, on the page's clock: the server's password check, slow on
    // a loaded machine, is apart from what the page does after it.
    const loginAnswered = await page.evaluate(
      () =>
        performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/api/v1/staff/auth/login'))
          ?.responseEnd,
    );
    timeline.mark('sign-in page shows 账号', moments.signIn);
    timeline.mark('登录 clicked', moments.clicked);
    timeline.mark('work queue shown', moments.queue);
    return {
      login: moments.signIn,
      queue: moments.queue - moments.clicked,
      afterLogin: loginAnswered === undefined ? undefined : moments.queue - loginAnswered,
      loginBytes,
      queueBytes: timeline.received() - loginBytes,
      timeline: timeline.render(),
    };
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
      log(
        `run ${index + 1}: sign-in ${result.login.toFixed(0)} ms, queue ${result.queue.toFixed(0)} ms (${result.afterLogin?.toFixed(0) ?? '?'} ms after the login's answer)`,
      );
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
  const budget = (size) =>
    `${kb(size.gzip)} gzipped; budget ${kb(FIRST_LOAD_BUDGET)}) ${size.gzip <= FIRST_LOAD_BUDGET ? 'ok' : 'OVER'}`;
  console.log(
    `First load (the sign-in page's scripts): ${first.own.files} files, ${kb(first.own.raw)} (${budget(first.own)}`,
  );
  console.log(
    `  then, after the first paint, the work queue's code while the clerk types: ${first.all.files - first.own.files} files, ${kb(first.all.raw - first.own.raw)} (${kb(first.all.gzip - first.own.gzip)} gzipped)\n`,
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
  const afterLogin = runs.map((run) => run.afterLogin).filter((value) => value !== undefined);
  if (afterLogin.length > 0)
    console.log(
      `  the work queue after the login's answer (without the server's password check, slow on a loaded machine): median ${ms(median(afterLogin))}, min ${ms(Math.min(...afterLogin))}, max ${ms(Math.max(...afterLogin))}`,
    );
  console.log(
    `\nOver the wire (median): sign-in page ${kb(median(runs.map((run) => run.loginBytes)))}, then the queue ${kb(median(runs.map((run) => run.queueBytes)))}`,
  );
  console.log(
    `\nThe last visit's requests (start → last byte, bytes received), ms since navigation:\n${runs.at(-1).timeline}`,
  );
  if (first.own.gzip > FIRST_LOAD_BUDGET) process.exitCode = 1;
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});

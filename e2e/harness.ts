/**
 * End-to-end harness shared by both clients' browser tests (miniapp/e2e and server/admin/e2e).
 *
 * For one test file: the real server (createApp) in this process, in demo mode, on a fresh SQLite
 * file with the demo county seeded, serving miniapp/dist/h5 at /h5/ on a random port; Debian's
 * Chromium through playwright-core with a phone-sized viewport; a fresh browser context (and so a
 * fresh dev-login citizen) per test; helpers to act as staff through the HTTP API; screenshots in
 * test-artifacts/miniapp/ at the repository root.
 *
 *   const e2e = useE2e()                        // beforeAll / afterEach / afterAll hooks
 *   const { page, citizen } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code })
 *
 * Reports are not classified (no model is loaded): each waits in the 城关镇 dispatcher's triage
 * queue, so `resolveReport` can always go assign → sign → resolve.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { z } from 'zod';
import {
  CitizenLoginResponseSchema,
  CitizenUserSchema,
  ReportDetailSchema,
  StaffLoginResponseSchema,
  StaffNoticeSchema,
  UploadResponseSchema,
  type CitizenUser,
  type NoticeCategory,
  type ReportActionRequest,
  type ReportDetail,
  type StaffLoginResponse,
  type StaffNotice,
  type SubmitReportRequest,
} from '@minqing/shared';
import { createApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { PersonalDataCipher } from '../server/src/crypto/personalData';
import { TokenSigner } from '../server/src/crypto/tokens';
import { createDataSource } from '../server/src/db/dataSource';
import { ReferenceData } from '../server/src/db/referenceData';
import { seedDemo } from '../server/src/db/seed/demoSeed';
import { DEMO_REGIONS } from '../server/src/db/seed/regions';
import { DEMO_STAFF_PASSWORD } from '../server/src/db/seed/staff';
import { createLogger } from '../server/src/logger';
import { ClassifierHolder } from '../server/src/routing/classifierHolder';
import { DiskStorage } from '../server/src/storage/diskStorage';
import { TencentAsrClient } from '../server/src/integrations/asr/tencentAsrClient';
import { DEFAULT_MODEL_PATH } from '../server/src/routing/classifier';

export const REPO_ROOT = path.resolve(__dirname, '..');
/** The H5 build under test; E2E_H5_DIR points elsewhere (e.g. a copy, while someone rebuilds). */
export const H5_DIR = path.resolve(process.env.E2E_H5_DIR ?? path.join(REPO_ROOT, 'miniapp', 'dist', 'h5'));
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-artifacts', 'miniapp');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** 城关镇五一村: the cadre's village; reports there are the 城关镇 dispatcher's. */
export const DEMO_VILLAGE = { code: DEMO_REGIONS.chengguanVillage, name: '五一村' } as const;

/** How long a page may take to show what a test waits for (the first load compiles a large bundle). */
export const UI_TIMEOUT_MS = 20_000;

export type StaffUsername = 'chengguan' | 'gongdian' | 'cadre' | 'county' | 'jianchi' | 'jianchi_gongdian';

// ── The server ────────────────────────────────────────────────────────────────────────────────

export interface DemoServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
}

function requireH5Build(): void {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(
      `The mini-program's H5 build is missing (${path.relative(REPO_ROOT, H5_DIR)}/index.html). ` +
        'Build it first: `npm run build:miniapp` (or `npm run build:h5 -w miniapp`); `npm test` does this before jest.',
    );
  }
}

export interface DemoServerOptions {
  /** More environment for the server (e.g. a local fake's ASR_TENCENT_*), as `npm run demo` would read it. */
  env?: Record<string, string>;
  /** Route with the shipped classifier (server/models); by default none is loaded and every report waits in triage. */
  classifier?: boolean;
}

/** The real app, as `npm run demo` runs it, on a fresh database and storage folder. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  requireH5Build();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-e2e-'));
  const config = loadConfig({
    ...options.env,
    DEMO_MODE: 'true',
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${path.join(dataDir, 'e2e.sqlite')}`,
    STORAGE_DIR: path.join(dataDir, 'uploads'),
    PORT: '0',
    LOG_LEVEL: 'silent',
    SCHEDULER: 'off',
    H5_DIR,
  });
  const logger = createLogger(config.logLevel);
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  let server: Server | null = null;
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const cipher = new PersonalDataCipher(config.dataEncryptionKey);
    await seedDemo(dataSource, { cipher });
    const classifier = new ClassifierHolder(options.classifier ? DEFAULT_MODEL_PATH : null, logger);
    await classifier.refresh();
    const app = createApp({
      config,
      dataSource,
      reference: new ReferenceData(dataSource),
      classifier,
      logger,
      storage: new DiskStorage(config.storageDir),
      cipher,
      tokens: new TokenSigner(config.tokenSecret),
      wechat: null,
      // Voice reports transcribed on the server when the options name an ASR (a local fake).
      asr: config.asr ? new TencentAsrClient(config.asr) : null,
      clock: () => new Date(),
    });
    const listening = app.listen(0, '127.0.0.1');
    server = listening;
    await new Promise<void>((resolve, reject) => {
      listening.once('listening', resolve);
      listening.once('error', reject);
    });
  } catch (error) {
    await dataSource.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const running = server;
  const { port } = running.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      running.closeAllConnections();
      await new Promise<void>((resolve) => running.close(() => resolve()));
      await dataSource.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ── The HTTP API, as the tests' staff and citizens use it ────────────────────────────────────

export class ApiClient {
  constructor(
    readonly origin: string,
    private readonly token: string | null = null,
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.origin, token);
  }

  async call<Schema extends z.ZodType>(
    schema: Schema,
    method: 'GET' | 'POST' | 'PATCH',
    route: string,
    body?: unknown,
  ): Promise<z.infer<Schema>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.origin}/api/v1${route}`, { method, headers, body: payload });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /api/v1${route} answered ${response.status}: ${text}`);
    return schema.parse(text === '' ? null : JSON.parse(text));
  }
}

export interface CitizenAccount {
  openid: string;
  token: string;
  user: CitizenUser;
  api: ApiClient;
}

let citizenCount = 0;

/** A new citizen through dev-login (the same call the H5 app makes), optionally bound to a village. */
export async function createCitizen(
  origin: string,
  options: { villageCode?: string; nickname?: string } = {},
): Promise<CitizenAccount> {
  citizenCount += 1;
  const openid = `e2e-${process.pid}-${Date.now().toString(36)}-${citizenCount}`;
  const login = await new ApiClient(origin).call(CitizenLoginResponseSchema, 'POST', '/auth/dev-login', { openid });
  const api = new ApiClient(origin).withToken(login.token);
  let user = login.user;
  if (options.villageCode || options.nickname) {
    user = await api.call(CitizenUserSchema, 'PATCH', '/me', {
      villageCode: options.villageCode,
      nickname: options.nickname,
    });
  }
  return { openid, token: login.token, user, api };
}

/** A tiny real PNG (8×8, red), for uploads and the file chooser. */
export const TEST_PHOTO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC',
  'base64',
);

/** Submits a report through the API as the citizen, with one photo when asked. */
export async function submitReportAs(
  citizen: CitizenAccount,
  input: Omit<SubmitReportRequest, 'photoUploadIds'> & { withPhoto?: boolean },
): Promise<ReportDetail> {
  const { withPhoto, ...report } = input;
  const photoUploadIds: string[] = [];
  if (withPhoto) {
    const form = new FormData();
    form.append('file', new Blob([TEST_PHOTO_PNG], { type: 'image/png' }), 'photo.png');
    photoUploadIds.push((await citizen.api.call(UploadResponseSchema, 'POST', '/uploads', form)).id);
  }
  return citizen.api.call(
    ReportDetailSchema,
    'POST',
    '/reports',
    photoUploadIds.length > 0 ? { ...report, photoUploadIds } : report,
  );
}

export interface StaffSession {
  login: StaffLoginResponse;
  api: ApiClient;
}

export async function staffLogin(origin: string, username: StaffUsername): Promise<StaffSession> {
  const login = await new ApiClient(origin).call(StaffLoginResponseSchema, 'POST', '/staff/auth/login', {
    username,
    password: DEMO_STAFF_PASSWORD,
  });
  return { login, api: new ApiClient(origin).withToken(login.token) };
}

export function staffAct(staff: StaffSession, reportId: string, action: ReportActionRequest): Promise<unknown> {
  return staff.api.call(
    ReportDetailSchema.pick({ id: true, status: true }),
    'POST',
    `/staff/reports/${encodeURIComponent(reportId)}/actions`,
    action,
  );
}

/**
 * The whole staff side of a 城关镇 report: the dispatcher (chengguan) assigns it to the power
 * station, whose handler (gongdian) signs and resolves it with `answer`.
 */
export async function resolveReport(origin: string, reportId: string, answer: string): Promise<void> {
  const dispatcher = await staffLogin(origin, 'chengguan');
  const handler = await staffLogin(origin, 'gongdian');
  const departmentId = handler.login.staff.departmentId;
  if (!departmentId) throw new Error('the demo handler gongdian has no department');
  await staffAct(dispatcher, reportId, { action: 'assign', departmentId });
  await staffAct(handler, reportId, { action: 'sign' });
  await staffAct(handler, reportId, { action: 'resolve', note: answer });
}

/** The village cadre writes and publishes a notice for their village (五一村). */
export async function publishNotice(
  origin: string,
  notice: { title: string; body: string; category?: NoticeCategory; pinned?: boolean },
): Promise<StaffNotice> {
  const cadre = await staffLogin(origin, 'cadre');
  const draft = await cadre.api.call(StaffNoticeSchema, 'POST', '/staff/notices', {
    title: notice.title,
    body: notice.body,
    category: notice.category ?? 'village',
    pinned: notice.pinned ?? false,
    regionCode: cadre.login.staff.regionCode,
  });
  return cadre.api.call(StaffNoticeSchema, 'POST', `/staff/notices/${encodeURIComponent(draft.id)}/publish`);
}

// ── The browser ───────────────────────────────────────────────────────────────────────────────

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} not found: install Debian's Chromium (apt-get install -y chromium). Never \`npx playwright install\`.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], timeout: 60_000 });
}

/** A mid-range Android phone: what most of our users hold. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

/** Taro's H5 storage keeps `{ data: value }` as JSON under the key (see services/storage.ts for the keys). */
const DEV_OPENID_KEY = 'minqing:devOpenid';

export interface OpenedApp {
  context: BrowserContext;
  page: Page;
  /** The citizen the page signs in as (dev-login with the same openid). */
  citizen: CitizenAccount;
  /** Uncaught errors in the page, for the test to show when something fails. */
  pageErrors: string[];
}

/** The URL path of a Taro page under the /h5 basename, e.g. h5Path('pages/me/index'). */
export function h5Path(page = ''): string {
  return `/h5/${page}`;
}

/** A full-page PNG in test-artifacts/miniapp/, once the page has finished sliding in. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await settle(page);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ── Jest wiring ───────────────────────────────────────────────────────────────────────────────

export interface E2e {
  readonly origin: string;
  /**
   * A fresh browser context on a phone, signed in (by the app itself, through dev-login) as a new
   * citizen, optionally already bound to a village; opens `path` (the home page by default) and
   * waits for the tab bar.
   */
  openApp(options?: { villageCode?: string; path?: string }): Promise<OpenedApp>;
  /** The file's Chromium, for a context of one's own (the admin panel on a desktop window). */
  browser(): Browser;
  /** Closes the context after the test that opened it. */
  track(context: BrowserContext): BrowserContext;
}

export interface ServerAndBrowser {
  running(): { server: DemoServer; browser: Browser };
  /** Closes the context after the test that opened it. */
  track(context: BrowserContext): BrowserContext;
}

/** What a test file asks of its server and browser; read in beforeAll, after the file's own earlier hooks. */
export interface E2eOptions {
  server?: DemoServerOptions;
  /** More Chromium flags, e.g. a fake microphone playing a file. */
  chromiumArgs?: readonly string[];
}

/**
 * The hooks every browser test file needs (the mini-program's and the admin panel's): the demo
 * server and Chromium for the file, each test's browser contexts closed after it. `options` may be
 * a function when they depend on something a previous beforeAll made (a fake service's port, a file).
 */
export function useServerAndBrowser(options: E2eOptions | (() => E2eOptions) = {}): ServerAndBrowser {
  let server: DemoServer | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // Chromium and the server start together; both must be up before any test.
    const wanted = typeof options === 'function' ? options() : options;
    const [startedServer, startedBrowser] = await Promise.allSettled([
      startDemoServer(wanted.server),
      launchChromium(wanted.chromiumArgs),
    ]);
    if (startedServer.status === 'fulfilled') server = startedServer.value;
    if (startedBrowser.status === 'fulfilled') browser = startedBrowser.value;
    if (startedServer.status === 'rejected') throw startedServer.reason;
    if (startedBrowser.status === 'rejected') throw startedBrowser.reason;
  }, 120_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
  }, 60_000);

  return {
    running() {
      if (!server || !browser) throw new Error('the e2e server or browser did not start (see beforeAll)');
      return { server, browser };
    },
    track(context) {
      contexts.push(context);
      return context;
    },
  };
}

/** Registers the hooks of one test file: server and browser for the file, a context per test. */
export function useE2e(options: E2eOptions | (() => E2eOptions) = {}): E2e {
  const { running, track } = useServerAndBrowser(options);

  return {
    get origin() {
      return running().server.origin;
    },
    browser: () => running().browser,
    track,
    async openApp(options = {}) {
      const { server: demo, browser: chromiumBrowser } = running();
      const citizen = await createCitizen(demo.origin, { villageCode: options.villageCode });
      const context = track(await chromiumBrowser.newContext({ ...PHONE, baseURL: demo.origin }));
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      // The app keeps a stand-in openid for dev-login on the device: give it this citizen's.
      await context.addInitScript(
        ({ key, openid }) => {
          if (window.localStorage.getItem(key) === null)
            window.localStorage.setItem(key, JSON.stringify({ data: openid }));
        },
        { key: DEV_OPENID_KEY, openid: citizen.openid },
      );
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(options.path ?? h5Path(), { waitUntil: 'load' });
      await tabBar(page).waitFor({ state: 'visible' });
      await settle(page);
      return { context, page, citizen, pageErrors };
    },
  };
}

// ── Page helpers ──────────────────────────────────────────────────────────────────────────────

/** The tab bar's labels and the pages they open (app.config.ts). */
export const TABS = {
  首页: 'pages/home/index',
  民情直达: 'pages/report/index',
  政务村务: 'pages/notices/index',
  我的: 'pages/me/index',
} as const;
export type TabLabel = keyof typeof TABS;
export const TAB_LABELS = Object.keys(TABS) as TabLabel[];

/** Taro H5's tab bar (@tarojs/components' taro-tabbar, weui markup). */
export function tabBar(page: Page): Locator {
  return page.locator('.weui-tabbar').first();
}

/**
 * The Taro page on screen. H5 keeps the pages of the stack in the DOM (hidden with
 * `taro_page_shade`); during a slide two are shown, the new one last.
 */
export function currentPage(page: Page): Locator {
  return page.locator('.taro_page').filter({ visible: true }).last();
}

/**
 * Waits until a page transition is over: one page shown, stationed, no CSS transition running.
 * Taro hides the previous page ~300 ms after a navigation by timer; going back or switching tabs
 * before that leaves the page that comes back hidden (a blank screen), so helpers wait here first.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter(
      (element) => getComputedStyle(element).display !== 'none',
    );
    const sliding = document
      .getAnimations()
      .some((animation) => animation instanceof CSSTransition && animation.playState === 'running');
    return shown.length === 1 && shown[0].classList.contains('taro_page_stationed') && !sliding;
  });
}

/** Taps a tab and waits until its page is on screen. */
export async function openTab(page: Page, label: TabLabel): Promise<Locator> {
  await settle(page);
  await tabBar(page).getByText(label, { exact: true }).click();
  const tabPage = page.locator(`.taro_page[id^="${h5Path(TABS[label])}"]`);
  await tabPage.waitFor({ state: 'visible' });
  await settle(page);
  return tabPage;
}

/** The phone's back key (H5 shows no navigation bar: the browser's back is the way back). */
export async function goBack(page: Page): Promise<void> {
  await settle(page);
  await page.goBack();
  await settle(page);
}

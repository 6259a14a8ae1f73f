import { ArticlePageSchema, NoticePageSchema } from '@minqing/shared';
import type { Page } from 'playwright-core';
import {
  DEMO_VILLAGE,
  currentPage,
  goBack,
  h5Path,
  openTab,
  resolveReport,
  screenshot,
  settle,
  submitReportAs,
  useE2e,
  type CitizenAccount,
} from '../../e2e/harness';
import { auditSizes, describeOffenders } from './sizeAudit';

/** 关怀模式 (UX.md): every text, inputs included, ≥ 24 px; every tap target ≥ 48 px. */
const CARE_MIN_FONT_PX = 24;
const MIN_TAP_TARGET_PX = 48;
/** Normal mode: what a villager types is comfortably large too. */
const NORMAL_MIN_INPUT_PX = 16;

declare global {
  // The build macro app.config.ts calls; here it hands the object back.
  var defineAppConfig: <Config>(config: Config) => Config;
}
globalThis.defineAppConfig = (config) => config;

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
}

/** Every page of app.config.ts, main package and sub-packages: a new page is walked without editing this file. */
function everyPage(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require('../src/app.config') as { default: AppConfig }).default;
  return [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
}

/** The query a page needs to show something real (ids from the demo data and this test's report). */
async function queriesFor(origin: string, citizen: CitizenAccount): Promise<Record<string, string>> {
  const submitted = await submitReportAs(citizen, {
    serviceCode: 'direct',
    villageCode: DEMO_VILLAGE.code,
    text: '村口路灯不亮了，晚上走路看不见',
  });
  await resolveReport(origin, submitted.id, '路灯已更换，请您晚上看看亮不亮');
  const notices = await citizen.api.call(NoticePageSchema, 'GET', '/notices');
  const articles = await citizen.api.call(ArticlePageSchema, 'GET', '/articles');
  if (!notices.items[0] || !articles.items[0]) throw new Error('the demo county has no notice or article for 五一村');
  return {
    'packages/my-reports/detail/index': `id=${submitted.id}`,
    'packages/notices/detail/index': `id=${notices.items[0].id}`,
    'packages/articles/detail/index': `id=${articles.items[0].id}`,
    'packages/report-flow/compose/index': 'service=direct&mode=voice',
    'packages/report-flow/success/index': `id=${submitted.id}&serialNo=${submitted.serialNo}&status=submitted`,
  };
}

/** Opens a page as a link would (a fresh load: the entry page) and waits until it has loaded its data. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(h5Path(path), { waitUntil: 'load' });
  await currentPage(page).waitFor({ state: 'visible' });
  await settle(page);
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter(
      (element) => getComputedStyle(element).display !== 'none',
    );
    const text = shown[shown.length - 1]?.textContent ?? '';
    return text.trim() !== '' && !/正在加载|加载中/.test(text);
  });
}

function screenshotName(path: string): string {
  return path.replace(/\/index$/, '').replace(/[/]/g, '-');
}

describe('关怀模式 on every page: large type and large targets everywhere', () => {
  const e2e = useE2e();

  it('turned on in 我的, every page of app.config.ts shows text ≥ 24 px and tap targets ≥ 48 px', async () => {
    const { page, citizen, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const queries = await queriesFor(e2e.origin, citizen);

    const me = await openTab(page, '我的');
    await me.getByRole('button', { name: /^关怀模式/ }).click();
    await currentPage(page)
      .getByRole('button', { name: /^开启关怀模式/ })
      .click();
    await currentPage(page).getByText('现在：已开启').waitFor();
    await goBack(page);

    const offenders: string[] = [];
    for (const path of everyPage()) {
      const query = queries[path];
      await visit(page, query ? `${path}?${query}` : path);
      const audit = await auditSizes(page, { minFontPx: CARE_MIN_FONT_PX, minTargetPx: MIN_TAP_TARGET_PX });
      offenders.push(...describeOffenders(path, audit.smallText).map((line) => `text   ${line}`));
      offenders.push(...describeOffenders(path, audit.smallTargets).map((line) => `target ${line}`));
      // Every page that is not a tab has a way back (返回, or 返回首页 when opened from a link).
      if (!path.startsWith('pages/') && (await currentPage(page).getByRole('button', { name: /^返回/ }).count()) === 0)
        offenders.push(`no way back  ${path}`);
      await screenshot(page, `care-every-page-${screenshotName(path)}`);
    }

    expect(offenders).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('in normal mode, what a villager types is at least 16 px on every page with an input', async () => {
    const { page, citizen, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const queries = await queriesFor(e2e.origin, citizen);

    const offenders: string[] = [];
    for (const path of everyPage()) {
      const query = queries[path];
      await visit(page, query ? `${path}?${query}` : path);
      const audit = await auditSizes(page, { minFontPx: NORMAL_MIN_INPUT_PX, minTargetPx: 0, inputsOnly: true });
      offenders.push(...describeOffenders(path, audit.smallText));
    }

    expect(offenders).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

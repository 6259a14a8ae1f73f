/**
 * Every voice heard: a villager holds the button in the H5 build and speaks (Chromium's fake
 * microphone plays a Mandarin clip espeak-ng said, through sox), releases, and submits the voice
 * alone. The H5 recorder uploads a 16 kHz mono PCM WAV; the server sends it to Tencent ASR
 * 一句话识别 (a local fake that checks the signature and the audio as Tencent does), classifies the
 * transcript and routes the report like text; staff see the transcript marked 语音转写 in the
 * admin drawer. When the ASR fails, the report waits in triage with its voice, nothing lost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { StaffQueueResponseSchema, StaffReportSchema, TriagePageSchema, type StaffReport } from '@minqing/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/db/seed/staff';
import { type FakeAsrAudio, type FakeTencentAsr, startFakeTencentAsr } from '../../server/src/test/fakeTencentAsr';
import { spokenWav } from '../../server/src/test/speech';
import {
  DEMO_VILLAGE,
  REPO_ROOT,
  UI_TIMEOUT_MS,
  currentPage,
  openTab,
  screenshot,
  staffLogin,
  type StaffSession,
  useE2e,
} from '../../e2e/harness';

const SPOKEN = '昨天半夜开始停电到现在都没来电';
const SERIAL_NO = /HY\d{8}-\d{4}/;
const ADMIN_DIR = path.join(REPO_ROOT, 'server', 'admin', 'dist');

/** Root-mean-square level of a 16-bit PCM WAV's samples (0 = silence, 1 = full scale). */
function rmsOf(wav: Buffer): number {
  const samples = Math.floor((wav.length - 44) / 2);
  let sum = 0;
  for (let index = 0; index < samples; index += 1) sum += (wav.readInt16LE(44 + index * 2) / 32768) ** 2;
  return samples > 0 ? Math.sqrt(sum / samples) : 0;
}

/** What reached the fake: its header fields, as the test checks them. */
interface HeardClip {
  sampleRate: number;
  channels: number;
  bits: number;
  seconds: number;
  rms: number;
}

function heard(audio: FakeAsrAudio): HeardClip {
  const data = audio.data;
  return {
    sampleRate: data.readUInt32LE(24),
    channels: data.readUInt16LE(22),
    bits: data.readUInt16LE(34),
    seconds: (data.length - 44) / data.readUInt32LE(28),
    rms: rmsOf(data),
  };
}

describe('a voice-only report in H5, transcribed on the server', () => {
  let fake: FakeTencentAsr;
  let clipPath: string;
  let clipSeconds = 0;
  const clips: HeardClip[] = [];

  beforeAll(async () => {
    // Padded with a second of silence: the finger lifts after the villager stops speaking.
    const wav = spokenWav(SPOKEN, { padSeconds: 1 });
    clipSeconds = (wav.length - 44) / 32_000;
    clipPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-voice-')), 'spoken.wav');
    fs.writeFileSync(clipPath, wav);
    // The fake answers what was said only when it hears speech (not silence) in a 16 kHz mono clip.
    fake = await startFakeTencentAsr({
      answerFor: (audio) => {
        const clip = heard(audio);
        clips.push(clip);
        return clip.sampleRate === 16_000 && clip.channels === 1 && clip.rms > 0.01 ? SPOKEN : '';
      },
    });
  });
  afterAll(async () => {
    await fake?.close();
    if (clipPath) fs.rmSync(path.dirname(clipPath), { recursive: true, force: true });
  });

  const e2e = useE2e(() => ({
    server: { env: { ...fake.env, ASR_ENGINE: '16k_zh' }, classifier: true },
    chromiumArgs: [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${clipPath}%noloop`,
    ],
  }));

  /** Records by holding the big button for the clip's length, then submits the voice alone. */
  async function reportByVoice(page: Page): Promise<string> {
    const services = await openTab(page, '民情直达');
    await services.getByText('民情直通', { exact: true }).click();
    const compose = currentPage(page);
    const hold = compose.getByRole('button', { name: '按住说话，松开结束' });
    await hold.waitFor();
    await hold.hover();
    await page.mouse.down();
    await compose.getByText('松开结束，上滑取消').waitFor();
    await page.waitForTimeout(Math.ceil(clipSeconds * 1000) + 500);
    await page.mouse.up();
    await compose.getByText('录好了，还没有发出：点「提交」才会发给工作人员').waitFor();
    await compose.getByText('城关镇 五一村').waitFor();
    await compose.getByText('提交', { exact: true }).click();
    const success = currentPage(page);
    await success.locator('.success__title').filter({ hasText: '提交成功' }).waitFor();
    return (await success.getByText(SERIAL_NO).innerText()).trim();
  }

  async function staffReport(staff: StaffSession, serialNo: string): Promise<StaffReport> {
    const page = await staff.api.call(
      StaffQueueResponseSchema,
      'GET',
      `/staff/reports?tab=all&serialNo=${encodeURIComponent(serialNo)}`,
    );
    expect(page.items.map((item) => item.serialNo)).toEqual([serialNo]);
    return staff.api.call(StaffReportSchema, 'GET', `/staff/reports/${page.items[0].id}`);
  }

  /** Waits (polling the staff API) until `done` says the server has finished with the report. */
  async function waitForReport(
    staff: StaffSession,
    serialNo: string,
    done: (report: StaffReport) => boolean,
  ): Promise<StaffReport> {
    const deadline = Date.now() + UI_TIMEOUT_MS;
    for (;;) {
      const report = await staffReport(staff, serialNo);
      if (done(report) || Date.now() > deadline) return report;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** The admin panel, signed in as the 城关镇 dispatcher, with the report's drawer open. */
  async function openInAdmin(serialNo: string): Promise<Page> {
    expect(fs.existsSync(path.join(ADMIN_DIR, 'index.html'))).toBe(true);
    const browser = e2e.browser();
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      baseURL: e2e.origin,
    });
    e2e.track(context);
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    const page = await context.newPage();
    await page.goto('/admin/', { waitUntil: 'load' });
    await page.getByLabel('账号').fill('chengguan');
    await page.getByLabel('密码').fill(DEMO_STAFF_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('button', { name: /退出登录/ }).waitFor();
    await page.evaluate(
      (target) => {
        window.location.hash = target;
      },
      `/queue?tab=all&serialNo=${encodeURIComponent(serialNo)}`,
    );
    await page.locator('.ant-table-row').filter({ hasText: serialNo }).click();
    await page.locator('.ant-drawer').getByText(`事项 ${serialNo}`).waitFor();
    return page;
  }

  it('records a 16 kHz WAV, the server transcribes and routes it, and staff see the transcript as 语音转写', async () => {
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const serialNo = await reportByVoice(page);
    await screenshot(page, 'voice-1-submitted');

    const dispatcher = await staffLogin(e2e.origin, 'chengguan');
    const report = await waitForReport(dispatcher, serialNo, (candidate) => candidate.department !== null);

    // What the fake heard: the H5 recorder's 16 kHz mono 16-bit PCM WAV, with the speech in it.
    expect(fake.recognized().length).toBeGreaterThanOrEqual(1);
    const clip = clips[clips.length - 1];
    expect(clip).toMatchObject({ sampleRate: 16_000, channels: 1, bits: 16 });
    expect(clip.seconds).toBeGreaterThan(1);
    expect(clip.seconds).toBeLessThanOrEqual(60);
    expect(clip.rms).toBeGreaterThan(0.01);

    expect(report.voice?.contentType).toBe('audio/wav');
    expect(report.text).toBeNull();
    expect(report.transcript).toBe(SPOKEN);
    expect(report.transcriptSource).toBe('asr');
    expect(report.category?.code).toBe('power');
    expect(report.department?.name).toBe('城关镇供电所');
    expect(report.status).toBe('dispatched');

    const admin = await openInAdmin(serialNo);
    const drawer = admin.locator('.ant-drawer');
    await drawer.getByLabel('语音', { exact: true }).waitFor();
    await expect(drawer.getByLabel('语音文字').innerText()).resolves.toBe(SPOKEN);
    await expect(drawer.getByTestId('transcript-source').innerText()).resolves.toBe('语音转写');
    await drawer.getByText('城关镇供电所').first().waitFor();
    await admin.screenshot({ path: path.join(REPO_ROOT, 'test-artifacts', 'miniapp', 'voice-2-admin-drawer.png') });
    expect(pageErrors).toEqual([]);
  });

  it('when the ASR fails, the report waits in triage with its voice: nothing is lost', async () => {
    // A gateway outage on the first attempt (retried later by the scheduler, which this server does not run).
    fake.failNext(1, { status: 502 });
    const before = fake.calls.length;
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const serialNo = await reportByVoice(page);

    const dispatcher = await staffLogin(e2e.origin, 'chengguan');
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (fake.calls.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(fake.calls.slice(before).map((call) => call.error)).not.toContain(null);

    const report = await staffReport(dispatcher, serialNo);
    expect(report.status).toBe('submitted');
    expect(report.department).toBeNull();
    expect(report.transcript).toBeNull();
    expect(report.transcriptSource).toBeNull();
    expect(report.voice?.contentType).toBe('audio/wav');
    expect(report.voice?.durationSeconds).toBeGreaterThanOrEqual(1);

    // In the dispatcher's triage queue, and the clip itself is there to listen to.
    const triage = await dispatcher.api.call(
      TriagePageSchema,
      'GET',
      '/staff/reports/triage?view=dispatch&pageSize=50',
    );
    expect(triage.items.map((item) => item.serialNo)).toContain(serialNo);
    const audio = await fetch(`${e2e.origin}${report.voice?.url}`, {
      headers: { Authorization: `Bearer ${dispatcher.login.token}` },
    });
    expect(audio.status).toBe(200);
    const bytes = Buffer.from(await audio.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(bytes.readUInt32LE(24)).toBe(16_000);

    const admin = await openInAdmin(serialNo);
    const drawer = admin.locator('.ant-drawer');
    await drawer.getByLabel('语音', { exact: true }).waitFor();
    await drawer.getByText(/^(转写中…|未能转写，请收听语音)$/).waitFor();
    await expect(drawer.getByTestId('transcript-source').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

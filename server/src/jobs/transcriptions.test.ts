import { createHash } from 'node:crypto';
import { TRANSCRIPT_SOURCES, TriagePageSchema } from '@minqing/shared';
import { Attachment, type Citizen, ContentCheck, Report, ReportEvent, TranscriptionJob } from '../db/entities';
import { createLogger } from '../logger';
import { TencentAsrClient } from '../integrations/asr/tencentAsrClient';
import { asrConfigFrom } from '../integrations/asr/asrConfig';
import { ClassifierHolder } from '../routing/classifierHolder';
import { wechatConfig } from '../test/contentSecurityApp';
import {
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../test/factories';
import { type FakeTencentAsr, startFakeTencentAsr } from '../test/fakeTencentAsr';
import { FakeWechat, REVIEW_WORD, RISKY_WORD } from '../test/fakeWechat';
import { keywordPredictor } from '../test/keywordPredictor';
import { spokenWav } from '../test/speech';
import { type TestApp, createTestApp } from '../test/testApp';
import type { AppDeps } from '../context';
import { Scheduler } from './scheduler';
import {
  TRANSCRIBED_ROUTE_NOTE,
  TRANSCRIPTION_BACKOFF,
  TRANSCRIPTION_CLAIM_MS,
  TRANSCRIPTION_MAX_ATTEMPTS,
  Transcriber,
  transcriberOf,
} from './transcriptions';

const START = new Date('2026-11-23T02:00:00.000Z');
const SAID_POWER = '村口的电线杆倒了，请供电所来修';
const SAID_VAGUE = '你好，我想说一件事';

const fingerprint = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Clips made once (espeak-ng + sox), and what each says: the fake answers what the clip it got said. */
const spoken = new Map<string, string>();
function clipSaying(text: string): Buffer {
  const wav = spokenWav(text);
  spoken.set(fingerprint(wav), text);
  return wav;
}

describe.each([false, true])('server-side transcription of voice reports (content security: %s)', (wechatOn) => {
  let asr: FakeTencentAsr;
  let wechat: FakeWechat | null = null;
  let app: TestApp;
  let world: World;
  let citizen: Citizen;
  let dispatcherToken: string;
  let now: Date;
  const clips: Record<'power' | 'vague', Buffer> = { power: Buffer.alloc(0), vague: Buffer.alloc(0) };

  const transcriber = () => transcriberOf(app.deps)!;
  const reports = () => app.dataSource.getRepository(Report);
  const jobOf = (reportId: string) => app.dataSource.getRepository(TranscriptionJob).findOneByOrFail({ reportId });
  const eventsOf = (reportId: string) =>
    app.dataSource.getRepository(ReportEvent).find({ where: { reportId }, order: { createdAt: 'ASC', id: 'ASC' } });

  async function uploadVoice(clip: Buffer, name = 'voice.wav'): Promise<string> {
    const response = await app.http
      .post('/api/v1/uploads')
      .set(bearer(citizenToken(app.deps, citizen)))
      .field('durationSeconds', '3')
      .attach('file', clip, name);
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function submitVoice(clip: Buffer, transcript?: string) {
    const uploadId = await uploadVoice(clip);
    const response = await submitReport(app, citizen, { text: undefined, voice: { uploadId, transcript } });
    expect(response.status).toBe(201);
    return response;
  }

  /** `transcriptPending` as the dispatcher sees it in the detail, the 全部 tab of the queue and triage. */
  async function pendingAsStaffSee(reportId: string) {
    const auth = bearer(dispatcherToken);
    const detail = await app.http.get(`/api/v1/staff/reports/${reportId}`).set(auth);
    const queue = await app.http.get('/api/v1/staff/reports?tab=all&pageSize=100').set(auth);
    const triage = await app.http.get('/api/v1/staff/reports/triage?pageSize=100').set(auth);
    const rowOf = (body: { items: { id: string; transcriptPending: boolean }[] }) =>
      body.items.find((row) => row.id === reportId)?.transcriptPending;
    return { detail: detail.body.transcriptPending, queue: rowOf(queue.body), triage: rowOf(triage.body) };
  }

  beforeAll(async () => {
    clips.power = clipSaying(SAID_POWER);
    clips.vague = clipSaying(SAID_VAGUE);
    asr = await startFakeTencentAsr({ answerFor: (audio) => spoken.get(fingerprint(audio.data)) ?? '' });
    const overrides: Partial<AppDeps> = {
      asr: new TencentAsrClient(asrConfigFrom(asr.env)!),
      clock: () => now,
      classifier: new ClassifierHolder(
        null,
        createLogger('silent'),
        keywordPredictor([{ keyword: '电线', categoryCode: 'power', confidence: 0.92 }]),
      ),
    };
    if (wechatOn) {
      wechat = await new FakeWechat().start();
      app = await createTestApp({ ...overrides, contentSecurity: wechat.client(), config: wechatConfig(wechat) });
    } else {
      app = await createTestApp(overrides);
    }
    world = await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
    dispatcherToken = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
  });
  afterAll(async () => {
    await transcriber().idle();
    await app.close();
    await asr.close();
    await wechat?.stop();
  });
  beforeEach(() => {
    now = new Date(START);
  });

  it('answers a voice-only report at once, then transcribes it and routes it like text, saying it came from speech', async () => {
    const before = asr.recognized().length;
    const response = await submitVoice(clips.power);
    // The answer does not wait for the clip to be heard.
    expect(response.body).toMatchObject({ status: 'submitted', transcript: null, transcriptSource: null });

    await transcriber().idle();
    expect(asr.recognized()).toHaveLength(before + 1);
    expect(asr.calls.at(-1)).toMatchObject({ voiceFormat: 'wav', engine: '16k_zh_dialect', error: null });

    const report = await reports().findOneByOrFail({ id: response.body.id });
    expect(report).toMatchObject({
      transcript: SAID_POWER,
      transcriptSource: 'asr',
      status: 'dispatched',
      departmentId: world.power.id,
      categoryCode: 'power',
      predictedCategoryCode: 'power',
    });
    expect(report.dispatchedAt).toEqual(now);
    expect(report.responseDueAt).not.toBeNull();
    const route = (await eventsOf(report.id)).find((event) => event.type === 'route')!;
    expect(route).toMatchObject({
      actorType: 'system',
      departmentId: world.power.id,
      note: TRANSCRIBED_ROUTE_NOTE,
      fromStatus: 'submitted',
      toStatus: 'dispatched',
    });
    expect(route.data).toMatchObject({ reason: 'classified', transcriptSource: 'asr', categoryCode: 'power' });
    expect(await jobOf(report.id)).toMatchObject({ status: 'done', attempts: 1, lastError: null });

    const check = await app.dataSource
      .getRepository(ContentCheck)
      .findOneByOrFail({ reportId: report.id, field: 'voice.transcript' });
    expect(check.status).toBe(wechatOn ? 'pass' : 'unchecked');

    const detail = await app.http.get(`/api/v1/reports/${report.id}`).set(bearer(citizenToken(app.deps, citizen)));
    expect(detail.body).toMatchObject({ transcript: SAID_POWER, transcriptSource: 'asr', status: 'dispatched' });
    expect(detail.body.timeline.map((event: { note: string | null }) => event.note)).toContain(TRANSCRIBED_ROUTE_NOTE);
  });

  it('uses a transcript the villager kept from 同声传译 as it is, and never sends that clip to ASR', async () => {
    const callsBefore = asr.calls.length;
    const response = await submitVoice(clips.power, '电线杆倒了');
    await transcriber().idle();
    expect(asr.calls).toHaveLength(callsBefore);
    expect(await app.dataSource.getRepository(TranscriptionJob).countBy({ reportId: response.body.id })).toBe(0);
    expect(response.body).toMatchObject({ transcript: '电线杆倒了', transcriptSource: 'wechat', status: 'dispatched' });
    expect(TRANSCRIPT_SOURCES).toContain(response.body.transcriptSource);
  });

  it('leaves a report the classifier cannot place in triage, with the transcript and its suggestions', async () => {
    const response = await submitVoice(clips.vague);
    await transcriber().idle();
    const report = await reports().findOneByOrFail({ id: response.body.id });
    expect(report).toMatchObject({ status: 'submitted', departmentId: null, transcript: SAID_VAGUE });
    expect(report.suggestions).not.toBeNull();
    expect((await eventsOf(report.id)).map((event) => event.type)).toEqual(['submitted']);

    const triage = await app.http.get('/api/v1/staff/reports/triage').set(bearer(dispatcherToken));
    expect(triage.status).toBe(200);
    const item = TriagePageSchema.parse(triage.body).items.find((row) => row.id === report.id)!;
    expect(item).toMatchObject({ transcript: SAID_VAGUE, transcriptSource: 'asr', text: SAID_VAGUE });
    const queue = await app.http.get('/api/v1/staff/reports?tab=all').set(bearer(dispatcherToken));
    expect(queue.body.items.find((row: { id: string }) => row.id === report.id)).toMatchObject({
      transcript: SAID_VAGUE,
      transcriptSource: 'asr',
    });
  });

  it('retries a failing ASR with backoff, gives up after the last attempt, and leaves the report in triage with nothing lost', async () => {
    asr.failNext(TRANSCRIPTION_MAX_ATTEMPTS, { status: 500 });
    const callsBefore = asr.calls.length;
    const response = await submitVoice(clips.power);
    await transcriber().idle();
    let job = await jobOf(response.body.id);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 500') });
    expect(job.nextAttemptAt).toEqual(new Date(START.getTime() + TRANSCRIPTION_BACKOFF.baseMs));
    // Staff see 转写中… while the clip waits for its next attempt.
    expect(await pendingAsStaffSee(response.body.id)).toEqual({ detail: true, queue: true, triage: true });

    // Not before its time, even when the sweep runs.
    now = new Date(START.getTime() + TRANSCRIPTION_BACKOFF.baseMs - 1);
    expect(await transcriber().runOnce(now)).toMatchObject({ retried: 0, transcribed: 0 });
    expect(asr.calls).toHaveLength(callsBefore + 1);

    const delays: number[] = [];
    for (let attempt = 2; attempt <= TRANSCRIPTION_MAX_ATTEMPTS; attempt += 1) {
      const previous = job.nextAttemptAt!;
      now = previous;
      await transcriber().runOnce(now);
      job = await jobOf(response.body.id);
      expect(job.attempts).toBe(attempt);
      if (job.nextAttemptAt) delays.push(job.nextAttemptAt.getTime() - now.getTime());
    }
    expect(delays).toEqual([60_000, 120_000, 240_000]);
    expect(job).toMatchObject({ status: 'failed', nextAttemptAt: null, lastError: expect.stringContaining('gave up') });
    expect(asr.calls).toHaveLength(callsBefore + TRANSCRIPTION_MAX_ATTEMPTS);

    now = new Date(now.getTime() + 24 * 3600_000);
    expect(await transcriber().runOnce(now)).toMatchObject({ retried: 0, transcribed: 0 });
    expect(asr.calls).toHaveLength(callsBefore + TRANSCRIPTION_MAX_ATTEMPTS);

    const report = await reports().findOneByOrFail({ id: response.body.id });
    expect(report).toMatchObject({ status: 'submitted', departmentId: null, transcript: null, transcriptSource: null });
    expect(await pendingAsStaffSee(report.id)).toEqual({ detail: false, queue: false, triage: false });
    expect(await app.dataSource.getRepository(Attachment).countBy({ reportId: report.id, kind: 'voice' })).toBe(1);
    const triage = await app.http.get('/api/v1/staff/reports/triage').set(bearer(dispatcherToken));
    expect(triage.body.items.map((row: { id: string }) => row.id)).toContain(report.id);
  });

  it('sends a clip once when two workers (two server processes) run the job at the same moment', async () => {
    asr.failNext(1, { code: 'InternalError' });
    const response = await submitVoice(clips.power);
    await transcriber().idle();
    expect((await jobOf(response.body.id)).status).toBe('pending');
    const recognizedBefore = asr.recognized().length;

    now = new Date(START.getTime() + TRANSCRIPTION_BACKOFF.baseMs);
    const deps = app.deps as ConstructorParameters<typeof Transcriber>[0];
    const [first, second] = await Promise.all([
      new Transcriber(deps, 'server-a').runOnce(now),
      new Transcriber(deps, 'server-b').runOnce(now),
    ]);
    expect(first.transcribed + second.transcribed).toBe(1);
    expect(asr.recognized()).toHaveLength(recognizedBefore + 1);
    expect(await jobOf(response.body.id)).toMatchObject({ status: 'done', attempts: 2 });
    const routes = (await eventsOf(response.body.id)).filter((event) => event.type === 'route');
    expect(routes).toHaveLength(1);
  });

  it('does not re-route a report a clerk dispatched while its clip waited; the transcript is still kept', async () => {
    asr.failNext(1, { status: 503 });
    const response = await submitVoice(clips.power);
    await transcriber().idle();
    const assigned = await app.http
      .post(`/api/v1/staff/reports/${response.body.id}/actions`)
      .set(bearer(dispatcherToken))
      .send({ action: 'assign', departmentId: world.agriculture.id, note: '听了语音，转农业农村局' });
    expect(assigned.status).toBe(200);

    now = new Date(START.getTime() + TRANSCRIPTION_BACKOFF.baseMs);
    await transcriber().runOnce(now);
    const report = await reports().findOneByOrFail({ id: response.body.id });
    expect(report).toMatchObject({
      departmentId: world.agriculture.id,
      transcript: SAID_POWER,
      transcriptSource: 'asr',
    });
    expect((await eventsOf(report.id)).map((event) => event.type)).toEqual(['submitted', 'assign']);
  });

  it('keeps an old WebM clip out of ASR (一句话识别 has no WebM) and says why', async () => {
    const webm = Buffer.concat([
      Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102', 'hex'),
      Buffer.alloc(2048, 0),
    ]);
    const callsBefore = asr.calls.length;
    const uploadId = await uploadVoice(webm, 'old.webm');
    const response = await submitReport(app, citizen, { text: undefined, voice: { uploadId } });
    await transcriber().idle();
    expect(asr.calls).toHaveLength(callsBefore);
    expect(await jobOf(response.body.id)).toMatchObject({
      status: 'skipped',
      lastError: expect.stringContaining('audio/webm'),
    });
    expect(await reports().findOneByOrFail({ id: response.body.id })).toMatchObject({
      status: 'submitted',
      transcript: null,
    });
  });

  it('gives up a clip whose worker died mid-call instead of sending it again', async () => {
    asr.failNext(1, { status: 500 });
    const response = await submitVoice(clips.power);
    await transcriber().idle();
    const job = await jobOf(response.body.id);
    // As a crashed process leaves it: claimed, never recorded.
    await app.dataSource
      .getRepository(TranscriptionJob)
      .update({ id: job.id }, { status: 'running', claimedBy: 'crashed:1', claimedAt: START });
    const callsBefore = asr.calls.length;
    now = new Date(START.getTime() + TRANSCRIPTION_CLAIM_MS - 1);
    expect(await transcriber().runOnce(now)).toMatchObject({ givenUp: 0 });
    now = new Date(START.getTime() + TRANSCRIPTION_CLAIM_MS + 1);
    expect(await transcriber().runOnce(now)).toMatchObject({ givenUp: 1 });
    expect(await jobOf(response.body.id)).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('interrupted'),
    });
    expect(asr.calls).toHaveLength(callsBefore);
    expect((await reports().findOneByOrFail({ id: response.body.id })).status).toBe('submitted');
  });

  it('is run by the scheduler’s leader, which retries what is due', async () => {
    asr.failNext(1, { status: 500 });
    const response = await submitVoice(clips.power);
    await transcriber().idle();
    const scheduler = new Scheduler({
      config: app.deps.config,
      dataSource: app.dataSource,
      logger: app.deps.logger,
      clock: () => now,
      transcriptions: transcriber(),
    });
    now = new Date(START.getTime() + TRANSCRIPTION_BACKOFF.baseMs);
    // runOnce runs the deadline jobs; the sweep of queued work runs on the timer's tick.
    scheduler.start();
    for (let i = 0; i < 100 && (await jobOf(response.body.id)).status !== 'done'; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await scheduler.stop();
    expect(await jobOf(response.body.id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  if (wechatOn) {
    it('stores and routes a transcript WeChat wants reviewed, holding it for 内容审核 as it does text', async () => {
      const held = clipSaying('电线杆需要复核');
      spoken.set(fingerprint(held), `电线杆倒了${REVIEW_WORD}`);
      const response = await submitVoice(held);
      await transcriber().idle();
      expect(await reports().findOneByOrFail({ id: response.body.id })).toMatchObject({
        transcript: `电线杆倒了${REVIEW_WORD}`,
        transcriptSource: 'asr',
        status: 'dispatched',
      });
      expect(
        await app.dataSource
          .getRepository(ContentCheck)
          .findOneByOrFail({ reportId: response.body.id, field: 'voice.transcript' }),
      ).toMatchObject({ status: 'review', moderation: 'held', subjectType: 'report' });
    });

    it('handles a transcript that fails content security like text that fails: not stored, left in triage', async () => {
      const risky = clipSaying(`加我看${RISKY_WORD}`);
      spoken.set(fingerprint(risky), `村里有人发${RISKY_WORD}`);
      const response = await submitVoice(risky);
      await transcriber().idle();
      expect(await jobOf(response.body.id)).toMatchObject({
        status: 'refused',
        lastError: expect.stringContaining('不宜发布'),
      });
      expect(await reports().findOneByOrFail({ id: response.body.id })).toMatchObject({
        status: 'submitted',
        transcript: null,
        transcriptSource: null,
        departmentId: null,
      });
      const call = wechat!.http.received('/wxa/msg_sec_check').at(-1)!;
      expect(call.json).toMatchObject({ openid: citizen.openid, content: `村里有人发${RISKY_WORD}` });
    });
  }
});

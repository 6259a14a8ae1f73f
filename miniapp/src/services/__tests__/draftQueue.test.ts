import type { ReportDetail, SubmitReportRequest } from '@minqing/shared';
import { ApiError, networkError } from '../apiError';
import { validateDraft } from '../draftCheck';
import { DraftQueue, type DraftTransport, type UploadJob } from '../draftQueue';
import { SAVED_OFFLINE_MESSAGE, type DraftInput, type FileProgress, type ReportDraft } from '../draftTypes';
import { FILE_RETRIES, backoffMs, type DraftStore } from '../offlineQueue';

/** Storage that can be read back, as the phone's would be after a restart. */
class MemoryStore implements DraftStore<ReportDraft> {
  saved: ReportDraft[] = [];
  writes = 0;
  load = () => JSON.parse(JSON.stringify(this.saved)) as ReportDraft[];
  save = (drafts: ReportDraft[]) => {
    this.saved = JSON.parse(JSON.stringify(drafts)) as ReportDraft[];
    this.writes += 1;
    return true;
  };
}

const report = { id: '01JREPORT00000000000000000', serialNo: 'HY20261122-0001', status: 'submitted' } as ReportDetail;

/** A server that remembers Idempotency-Keys like the real one: a retry answers the same report. */
class FakeServer implements DraftTransport {
  uploads: UploadJob[] = [];
  submissions: { body: SubmitReportRequest; key: string }[] = [];
  reports = new Map<string, ReportDetail>();
  failUploads: ((job: UploadJob) => Error | null) | null = null;
  failSubmit: Error | null = null;
  nextId = 1;

  upload = async (job: UploadJob, onProgress: (percent: number) => void) => {
    const failure = this.failUploads?.(job);
    if (failure) throw failure;
    onProgress(50);
    this.uploads.push(job);
    return { id: String(this.nextId++).padStart(26, 'A') };
  };

  submit = async (body: SubmitReportRequest, key: string) => {
    this.submissions.push({ body, key });
    if (this.failSubmit) throw this.failSubmit;
    const replayed = this.reports.has(key);
    if (!replayed) this.reports.set(key, { ...report, id: `${report.id.slice(0, -1)}${this.reports.size}` });
    return { report: this.reports.get(key) as ReportDetail, replayed };
  };
}

let clock = 1_000_000;
function setup(store = new MemoryStore(), server = new FakeServer()) {
  let ids = 0;
  const queue = new DraftQueue({
    store,
    transport: server,
    now: () => clock,
    newId: () => `draft-${++ids}`,
    sleep: async () => undefined,
  });
  return { queue, store, server };
}

const input: DraftInput = {
  serviceCode: 'direct',
  villageCode: '610921100201',
  text: '村口电线杆歪了',
  voice: { localPath: 'tmp/voice.mp3', durationSeconds: 12, transcript: ' 电线杆歪了 ' },
  photos: ['tmp/a.jpg', 'tmp/b.jpg'],
};

beforeEach(() => {
  clock = 1_000_000;
});

describe('draft queue', () => {
  it('saves the draft to storage before anything is uploaded', async () => {
    const { queue, store, server } = setup();
    const draft = await queue.create(input);
    expect(store.saved).toHaveLength(1);
    expect(store.saved[0]).toMatchObject({
      id: draft.id,
      state: 'queued',
      text: '村口电线杆歪了',
      idempotencyKey: draft.idempotencyKey,
    });
    expect(store.saved[0].photos.map((photo) => photo.localPath)).toEqual(['tmp/a.jpg', 'tmp/b.jpg']);
    expect(server.uploads).toHaveLength(0);
  });

  it('uploads every file, posts the report with the draft key and removes the draft', async () => {
    const { queue, store, server } = setup();
    const draft = await queue.create(input);
    const progress: FileProgress[] = [];

    const outcome = await queue.submit(draft.id, { onProgress: (event) => progress.push(event) });

    expect(outcome).toMatchObject({ status: 'submitted', report: { serialNo: 'HY20261122-0001' }, replayed: false });
    expect(server.uploads.map((job) => [job.kind, job.localPath])).toEqual([
      ['voice', 'tmp/voice.mp3'],
      ['photo', 'tmp/a.jpg'],
      ['photo', 'tmp/b.jpg'],
    ]);
    expect(server.uploads[0].durationSeconds).toBe(12);
    expect(server.submissions).toHaveLength(1);
    expect(server.submissions[0].key).toBe(draft.idempotencyKey);
    expect(server.submissions[0].body).toEqual({
      serviceCode: 'direct',
      villageCode: '610921100201',
      text: '村口电线杆歪了',
      voice: { uploadId: 'AAAAAAAAAAAAAAAAAAAAAAAAA1', transcript: '电线杆歪了' },
      photoUploadIds: ['AAAAAAAAAAAAAAAAAAAAAAAAA2', 'AAAAAAAAAAAAAAAAAAAAAAAAA3'],
    });
    expect(store.saved).toEqual([]);
    expect(queue.list()).toEqual([]);
    // Per-file progress, ending with every file done.
    expect(progress.filter((event) => event.status === 'done').map((event) => event.file)).toEqual(['voice', 0, 1]);
    expect(progress.some((event) => event.file === 0 && event.percent === 50)).toBe(true);
  });

  it('keeps the draft on a network failure and says so', async () => {
    const { queue, store, server } = setup();
    const draft = await queue.create(input);
    server.failSubmit = networkError();

    const outcome = await queue.submit(draft.id);

    expect(outcome).toMatchObject({ status: 'saved', message: SAVED_OFFLINE_MESSAGE });
    expect(SAVED_OFFLINE_MESSAGE).toBe('已保存，联网后自动提交');
    expect(store.saved).toHaveLength(1);
    expect(store.saved[0]).toMatchObject({ state: 'waiting', attempts: 1, nextAttemptAt: clock + backoffMs(1) });
  });

  it('resumes after a restart without re-uploading finished files, with the same Idempotency-Key', async () => {
    const first = setup();
    const draft = await first.queue.create(input);
    // The second photo cannot get through (all its tries), the first two files did.
    first.server.failUploads = (job) => (job.localPath === 'tmp/b.jpg' ? networkError() : null);
    await expect(first.queue.submit(draft.id)).resolves.toMatchObject({ status: 'saved' });
    expect(first.server.uploads.map((job) => job.localPath)).toEqual(['tmp/voice.mp3', 'tmp/a.jpg']);
    expect(first.store.saved[0].voice?.uploadId).toBeDefined();
    expect(first.store.saved[0].photos[0].uploadId).toBeDefined();
    expect(first.store.saved[0].photos[1].uploadId).toBeUndefined();

    // The app restarts: a new queue reads the same storage; the network is back.
    const server = new FakeServer();
    server.nextId = 10;
    const second = setup(first.store, server);
    clock += backoffMs(1);
    await second.queue.retryDue();

    expect(server.uploads.map((job) => job.localPath)).toEqual(['tmp/b.jpg']);
    expect(server.submissions).toHaveLength(1);
    expect(server.submissions[0].key).toBe(draft.idempotencyKey);
    expect(server.submissions[0].body.voice?.uploadId).toBe('AAAAAAAAAAAAAAAAAAAAAAAAA1');
    expect(server.submissions[0].body.photoUploadIds).toEqual([
      'AAAAAAAAAAAAAAAAAAAAAAAAA2',
      'AAAAAAAAAAAAAAAAAAAAAAAA10',
    ]);
    expect(second.queue.list()).toEqual([]);
  });

  it('retries a lost answer with the same key, and the server answers the same report (no duplicate)', async () => {
    const { queue, server } = setup();
    const draft = await queue.create({ ...input, voice: undefined, photos: [] });
    // The server created the report but the answer never arrived.
    const answering = server.submit;
    server.submit = async (body, key) => {
      server.submissions.push({ body, key });
      server.reports.set(key, report);
      throw networkError();
    };
    await expect(queue.submit(draft.id)).resolves.toMatchObject({ status: 'saved' });

    server.submit = answering;
    clock += backoffMs(1);
    await queue.retryDue();

    expect(server.submissions.map((submission) => submission.key)).toEqual([
      draft.idempotencyKey,
      draft.idempotencyKey,
    ]);
    expect(server.reports.size).toBe(1);
    expect(queue.list()).toEqual([]);
  });

  it('tells listeners about a report sent by an automatic retry', async () => {
    const { queue, server } = setup();
    const sent: string[] = [];
    queue.onSubmitted((_draft, answer) => sent.push(answer.serialNo));
    const draft = await queue.create({ ...input, voice: undefined, photos: [] });
    server.failSubmit = networkError();
    await queue.submit(draft.id);
    server.failSubmit = null;
    await queue.retryDue(true);
    expect(sent).toEqual(['HY20261122-0001']);
  });

  it('retries one file a few times before giving up to the offline state', async () => {
    const { queue, server } = setup();
    let failures = 0;
    server.failUploads = () => (failures++ < FILE_RETRIES ? networkError() : null);
    const draft = await queue.create({ ...input, voice: undefined, photos: ['tmp/a.jpg'] });
    await expect(queue.submit(draft.id)).resolves.toMatchObject({ status: 'submitted' });
    expect(failures).toBe(FILE_RETRIES + 1);
  });

  it('waits for its backoff unless forced (network back, app shown)', async () => {
    const { queue, server } = setup();
    const draft = await queue.create(input);
    server.failSubmit = networkError();
    await queue.submit(draft.id);
    server.failSubmit = null;

    await queue.retryDue();
    expect(queue.get(draft.id)?.state).toBe('waiting');
    expect(queue.nextDueAt()).toBe(clock + backoffMs(1));

    await queue.retryDue(true);
    expect(queue.get(draft.id)).toBeUndefined();
  });

  it('backs off 5 s, 10 s, 20 s … up to 5 minutes', () => {
    expect([1, 2, 3, 10].map(backoffMs)).toEqual([5000, 10000, 20000, 300000]);
  });

  it('a refusal by the server is kept as failed with its message, not retried alone', async () => {
    const { queue, server } = setup();
    server.failUploads = () => new ApiError('unsupported_media_type', '只能上传照片（JPG、PNG）或语音', 415, 'file');
    const draft = await queue.create({ ...input, voice: undefined });
    await expect(queue.submit(draft.id)).resolves.toMatchObject({
      status: 'failed',
      message: '只能上传照片（JPG、PNG）或语音',
      field: 'file',
    });
    expect(queue.get(draft.id)?.state).toBe('failed');
    await queue.retryDue(true);
    expect(server.submissions).toHaveLength(0);
  });

  it('checks the content with the shared schema before uploading', async () => {
    const { queue, server } = setup();
    const draft = await queue.create({ serviceCode: 'direct', villageCode: '610921100201', text: '  ' });
    await expect(queue.submit(draft.id, { check: validateDraft })).resolves.toMatchObject({
      status: 'invalid',
      message: '请说一段话、写几句话或拍一张照片',
      field: 'text',
    });
    expect(server.uploads).toHaveLength(0);
    expect(queue.get(draft.id)?.state).toBe('editing');
  });

  it('only 违法举报 may be anonymous', async () => {
    const { queue } = setup();
    const draft = await queue.create({ ...input, anonymous: true });
    await expect(queue.submit(draft.id, { check: validateDraft })).resolves.toMatchObject({
      status: 'invalid',
      field: 'anonymous',
    });
  });

  it('an automatic retry leaves the content to the server: its refusal keeps the draft to be corrected', async () => {
    const { queue, server } = setup();
    const draft = await queue.create({ ...input, voice: undefined, photos: [], anonymous: true });
    server.failSubmit = new ApiError('bad_request', '只有违法举报可以匿名', 400, 'anonymous');
    await queue.retryDue(true);
    expect(server.submissions).toHaveLength(1);
    expect(queue.get(draft.id)).toMatchObject({
      state: 'failed',
      lastError: { message: '只有违法举报可以匿名', field: 'anonymous' },
    });
  });

  it('one submission at a time per draft', async () => {
    const { queue, server } = setup();
    const draft = await queue.create({ ...input, voice: undefined, photos: [] });
    await Promise.all([queue.submit(draft.id), queue.submit(draft.id)]);
    expect(server.submissions).toHaveLength(1);
  });

  it('a draft that was sending when the app closed is sent again at start', async () => {
    const store = new MemoryStore();
    const first = setup(store);
    const draft = await first.queue.create({ ...input, voice: undefined, photos: [] });
    store.save([{ ...store.saved[0], state: 'sending' }]);
    const second = setup(store);
    expect(second.queue.get(draft.id)?.state).toBe('queued');
    await second.queue.retryDue();
    expect(second.server.submissions[0].key).toBe(draft.idempotencyKey);
  });

  it('editing keeps uploads of unchanged files and the key', async () => {
    const { queue, server } = setup();
    server.failUploads = (job) =>
      job.localPath === 'tmp/b.jpg' ? new ApiError('payload_too_large', '文件不能超过 10MB', 413, 'file') : null;
    const draft = await queue.create({ ...input, voice: undefined });
    await queue.submit(draft.id);
    const updated = await queue.update(draft.id, { ...input, voice: undefined, photos: ['tmp/a.jpg', 'tmp/c.jpg'] });
    expect(updated?.state).toBe('queued');
    server.failUploads = null;
    await expect(queue.submit(draft.id)).resolves.toMatchObject({ status: 'submitted' });
    expect(server.uploads.map((job) => job.localPath)).toEqual(['tmp/a.jpg', 'tmp/c.jpg']);
    expect(server.submissions[0].key).toBe(draft.idempotencyKey);
  });

  it('copies files to a kept place and deletes the copies once sent', async () => {
    const store = new MemoryStore();
    const server = new FakeServer();
    const kept: string[] = [];
    const discarded: string[] = [];
    const queue = new DraftQueue({
      store,
      transport: server,
      now: () => clock,
      newId: () => 'd1',
      sleep: async () => undefined,
      files: {
        keep: async (path, draftId) => {
          const copy = `usr/${draftId}-${path.split('/').pop()}`;
          kept.push(copy);
          return copy;
        },
        discard: async (path) => void discarded.push(path),
      },
    });
    const draft = await queue.create({ ...input, voice: undefined });
    expect(store.saved[0].photos.map((photo) => photo.localPath)).toEqual(['usr/d1-a.jpg', 'usr/d1-b.jpg']);
    expect(store.saved[0].photos.map((photo) => photo.sourcePath)).toEqual(['tmp/a.jpg', 'tmp/b.jpg']);
    await queue.submit(draft.id);
    expect(server.uploads.map((job) => job.localPath)).toEqual(kept);
    expect(discarded.sort()).toEqual(kept.sort());
  });
});

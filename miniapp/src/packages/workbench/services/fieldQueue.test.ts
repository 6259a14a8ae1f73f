import type { StaffReport, Visit } from '@minqing/shared';
import { ApiError, networkError } from '../../../services/apiError';
import { FieldQueue, type FieldDraft, type FieldQueueDeps } from './fieldQueue';

const HOUSEHOLD = '01M81KNHEEZY3C4PCQ1HHZPW40';
const PHOTO = '01M81KNHEEZY3C4PCQ1HHZPW30';
const visit = { id: '01M81KNHEEZY3C4PCQ1HHZPW50' } as Visit;
const report = { id: '01M81KNHEEZY3C4PCQ1HHZPW60', serialNo: 'HY20261206-0001' } as StaffReport;
const input = {
  visit: true,
  report: true,
  householdId: HOUSEHOLD,
  name: '李大爷',
  villageCode: '610921100201',
  note: '屋顶漏雨',
  photos: ['tmp/a.jpg'],
};

function queueWith(transport: Partial<FieldQueueDeps['transport']>) {
  let saved: FieldDraft[] = [];
  let clock = 1_000;
  let ids = 0;
  const deps: FieldQueueDeps = {
    store: { load: () => saved, save: (drafts) => ((saved = drafts), true) },
    transport: {
      upload: jest.fn().mockResolvedValue({ id: PHOTO }),
      logVisit: jest.fn(),
      fileOnBehalf: jest.fn(),
      ...transport,
    },
    now: () => clock,
    newId: () => `id${(ids += 1)}`,
    sleep: () => Promise.resolve(),
  };
  return { queue: new FieldQueue(deps), deps, stored: () => saved, advance: (ms: number) => (clock += ms) };
}

describe('the 工作台 走访 and 代报 queue', () => {
  it('logs the visit, then files the 代报 with its note and photos for the household', async () => {
    const logVisit = jest.fn().mockResolvedValue(visit);
    const fileOnBehalf = jest.fn().mockResolvedValue(report);
    const { queue, stored } = queueWith({ logVisit, fileOnBehalf });

    await expect(queue.send(input)).resolves.toEqual({ status: 'done', visitId: visit.id, report });
    expect(logVisit).toHaveBeenCalledWith(
      { householdId: HOUSEHOLD, note: '屋顶漏雨', photoUploadIds: [PHOTO] },
      'v-id1',
    );
    expect(fileOnBehalf).toHaveBeenCalledWith(
      {
        serviceCode: 'direct',
        villageCode: '610921100201',
        text: '屋顶漏雨',
        photoUploadIds: [PHOTO],
        onBehalfOf: { name: '李大爷', householdId: HOUSEHOLD },
      },
      'r-id1',
    );
    expect(stored()).toHaveLength(0);
  });

  it('keeps a visit whose 代报 found no signal, and retries only the 代报 with the same key', async () => {
    const logVisit = jest.fn().mockResolvedValue(visit);
    const fileOnBehalf = jest.fn().mockRejectedValueOnce(networkError()).mockResolvedValueOnce(report);
    const upload = jest.fn().mockResolvedValue({ id: PHOTO });
    const { queue, stored, advance } = queueWith({ logVisit, fileOnBehalf, upload });

    await expect(queue.send(input)).resolves.toMatchObject({ status: 'saved', message: '已保存，联网后自动提交' });
    expect(stored()[0]).toMatchObject({ state: 'waiting', visitId: visit.id, photos: [{ uploadId: PHOTO }] });

    advance(60_000);
    await queue.retryDue();
    expect(stored()).toHaveLength(0);
    expect(upload).toHaveBeenCalledTimes(1);
    expect(logVisit).toHaveBeenCalledTimes(1);
    expect(fileOnBehalf.mock.calls.map((call) => call[1])).toEqual(['r-id1', 'r-id1']);
  });

  it('resends a visit whose reply was lost with the same Idempotency-Key, and counts the replay as logged', async () => {
    const logVisit = jest.fn().mockRejectedValueOnce(networkError()).mockResolvedValueOnce(visit);
    const { queue, stored } = queueWith({ logVisit });

    await expect(queue.send({ ...input, report: false })).resolves.toMatchObject({ status: 'saved' });
    expect(stored()[0]).toMatchObject({ state: 'waiting', visitKey: 'v-id1' });
    await queue.retryDue(true);
    expect(stored()).toHaveLength(0);
    expect(logVisit.mock.calls).toEqual([
      [{ householdId: HOUSEHOLD, note: '屋顶漏雨', photoUploadIds: [PHOTO] }, 'v-id1'],
      [{ householdId: HOUSEHOLD, note: '屋顶漏雨', photoUploadIds: [PHOTO] }, 'v-id1'],
    ]);
  });

  it('gives a visit stored without a key one from its id, the same on every retry', async () => {
    const logVisit = jest.fn().mockRejectedValueOnce(networkError()).mockResolvedValueOnce(visit);
    const stored = {
      ...input,
      report: false,
      id: 'old1',
      reportKey: 'r-old1',
      photos: [{ localPath: 'tmp/a.jpg', sourcePath: 'tmp/a.jpg', uploadId: PHOTO }],
      state: 'waiting',
      createdAt: 1,
      attempts: 1,
    };
    const deps: FieldQueueDeps = {
      store: { load: () => [stored as unknown as FieldDraft], save: () => true },
      transport: { upload: jest.fn(), logVisit, fileOnBehalf: jest.fn() },
      now: () => 1_000,
      newId: () => 'unused',
      sleep: () => Promise.resolve(),
    };
    const queue = new FieldQueue(deps);
    await queue.retryDue(true);
    await queue.retryDue(true);
    expect(queue.list()).toHaveLength(0);
    expect(logVisit.mock.calls.map((call) => call[1])).toEqual(['v-old1', 'v-old1']);
  });

  it('files a 代报 alone for a person typed in, with voice and phone, and keeps its key on a retry', async () => {
    const fileOnBehalf = jest.fn().mockRejectedValueOnce(networkError()).mockResolvedValueOnce(report);
    const upload = jest
      .fn()
      .mockResolvedValueOnce({ id: PHOTO })
      .mockResolvedValueOnce({ id: '01M81KNHEEZY3C4PCQ1HHZPW31' });
    const { queue, stored, deps } = queueWith({ fileOnBehalf, upload });
    const alone = {
      visit: false,
      report: true,
      name: '王婶',
      phone: '13800138000',
      villageCode: '610921100201',
      note: '',
      photos: ['tmp/a.jpg'],
      voice: { localPath: 'tmp/v.mp3', durationSeconds: 8, transcript: '水渠堵了' },
    };

    await expect(queue.send(alone)).resolves.toMatchObject({ status: 'saved' });
    expect(stored()[0]).toMatchObject({
      voice: { uploadId: '01M81KNHEEZY3C4PCQ1HHZPW31' },
      photos: [{ uploadId: PHOTO }],
    });
    await queue.retryDue(true);
    expect(stored()).toHaveLength(0);
    expect(upload).toHaveBeenCalledTimes(2);
    expect(deps.transport.logVisit).not.toHaveBeenCalled();
    expect(fileOnBehalf.mock.calls[1]).toEqual([
      {
        serviceCode: 'direct',
        villageCode: '610921100201',
        voice: { uploadId: '01M81KNHEEZY3C4PCQ1HHZPW31', transcript: '水渠堵了' },
        photoUploadIds: [PHOTO],
        onBehalfOf: { name: '王婶', phone: '13800138000' },
      },
      'r-id1',
    ]);
    expect(fileOnBehalf.mock.calls[0][1]).toBe('r-id1');
  });

  it('names the 代报 field the shared schema refuses', async () => {
    const { queue, stored } = queueWith({});
    await expect(queue.send({ ...input, visit: false, name: ' ' })).resolves.toEqual({
      status: 'invalid',
      message: '请填写群众姓名',
      field: 'onBehalfOf.name',
    });
    await expect(queue.send({ ...input, visit: false, note: '', photos: [] })).resolves.toMatchObject({
      status: 'invalid',
      field: 'text',
    });
    expect(stored()).toHaveLength(0);
  });

  it('refuses a visit without a note before storing anything, naming the field', async () => {
    const { queue, stored, deps } = queueWith({});
    await expect(queue.send({ ...input, note: '  ' })).resolves.toEqual({
      status: 'invalid',
      message: '请填写走访情况',
      field: 'note',
    });
    expect(stored()).toHaveLength(0);
    expect(deps.transport.logVisit).not.toHaveBeenCalled();
  });

  it('keeps a visit the server refused as failed, with its message, and files no 代报', async () => {
    const logVisit = jest.fn().mockRejectedValue(new ApiError('forbidden', '这户不在您负责的范围', 403));
    const { queue, stored, deps } = queueWith({ logVisit });
    await expect(queue.send({ ...input, report: false })).resolves.toMatchObject({
      status: 'failed',
      message: '这户不在您负责的范围',
    });
    expect(stored()[0]).toMatchObject({ state: 'failed', lastError: { message: '这户不在您负责的范围' } });
    expect(deps.transport.fileOnBehalf).not.toHaveBeenCalled();
  });
});

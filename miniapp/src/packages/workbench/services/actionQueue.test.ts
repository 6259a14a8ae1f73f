import type { ReportActionRequest, StaffReport } from '@minqing/shared';
import { ApiError, networkError } from '../../../services/apiError';
import { StaffActionQueue, type ActionDraft, type ActionQueueDeps } from './actionQueue';

const REPORT = '01M81KNHEEZY3C4PCQ1HHZPW27';
const report = { id: REPORT, status: 'resolved' } as StaffReport;

function queueWith(transport: Partial<ActionQueueDeps['transport']>) {
  let saved: ActionDraft[] = [];
  let clock = 1_000;
  let ids = 0;
  const deps: ActionQueueDeps = {
    store: { load: () => saved, save: (drafts) => ((saved = drafts), true) },
    transport: { upload: jest.fn(), act: jest.fn(), ...transport },
    now: () => clock,
    newId: () => `id${(ids += 1)}`,
    sleep: () => Promise.resolve(),
  };
  return { queue: new StaffActionQueue(deps), deps, stored: () => saved, advance: (ms: number) => (clock += ms) };
}

describe('the 工作台 action queue', () => {
  it('keeps an action sent without signal and retries it later with the same key, uploading each photo once', async () => {
    const act = jest
      .fn<Promise<StaffReport>, [string, ReportActionRequest, string]>()
      .mockRejectedValueOnce(networkError())
      .mockResolvedValueOnce(report);
    const upload = jest.fn().mockResolvedValue({ id: '01M81KNHEEZY3C4PCQ1HHZPW30' });
    const { queue, stored, advance } = queueWith({ act, upload });

    const first = await queue.send({
      reportId: REPORT,
      serialNo: 'HY-1',
      action: 'resolve_on_spot',
      note: '已清理',
      photos: ['tmp/a.jpg'],
    });
    expect(first).toMatchObject({ status: 'saved', message: '已保存，联网后自动提交' });
    expect(stored()).toHaveLength(1);
    expect(stored()[0].photos[0].uploadId).toBe('01M81KNHEEZY3C4PCQ1HHZPW30');

    advance(60_000);
    await queue.retryDue();
    expect(stored()).toHaveLength(0);
    expect(upload).toHaveBeenCalledTimes(1);
    expect(act).toHaveBeenCalledTimes(2);
    expect(act.mock.calls[0][2]).toBe('a-id1');
    expect(act.mock.calls[1]).toEqual([
      REPORT,
      { action: 'resolve_on_spot', note: '已清理', photoUploadIds: ['01M81KNHEEZY3C4PCQ1HHZPW30'] },
      'a-id1',
    ]);
  });

  it('names the missing photo of an on-the-spot resolve before storing or sending anything', async () => {
    const { queue, deps, stored } = queueWith({});
    const outcome = await queue.send({ reportId: REPORT, serialNo: 'HY-1', action: 'resolve_on_spot', note: '已清理' });
    expect(outcome).toMatchObject({ status: 'invalid', field: 'photoUploadIds', message: '请拍照记录办理结果' });
    expect(stored()).toHaveLength(0);
    expect(deps.transport.act).not.toHaveBeenCalled();
  });

  it('keeps an action the server refuses as failed, with its words, and never retries it alone', async () => {
    const act = jest.fn().mockRejectedValue(new ApiError('invalid_transition', '当前状态不能进行此操作', 409));
    const { queue, stored } = queueWith({ act });
    const outcome = await queue.send({ reportId: REPORT, serialNo: 'HY-1', action: 'sign' });
    expect(outcome).toMatchObject({ status: 'failed', message: '当前状态不能进行此操作' });
    await queue.retryDue(true);
    expect(act).toHaveBeenCalledTimes(1);
    expect(stored()[0].state).toBe('failed');
  });

  it('sends again after a restart an action that was sending when the app closed', async () => {
    const act = jest.fn().mockResolvedValue(report);
    const { deps } = queueWith({ act });
    deps.store.save([
      {
        id: 'x',
        idempotencyKey: 'a-x',
        reportId: REPORT,
        serialNo: 'HY-1',
        action: 'sign',
        photos: [],
        state: 'sending',
        createdAt: 1,
        attempts: 0,
      },
    ]);
    const reopened = new StaffActionQueue(deps);
    await reopened.retryDue();
    expect(act).toHaveBeenCalledWith(REPORT, { action: 'sign' }, 'a-x');
    expect(reopened.list()).toHaveLength(0);
  });
});

import { clearPrefetched, prefetch, request } from './api';

const answer = (body: unknown) => ({ ok: true, status: 200, text: async () => JSON.stringify(body) });

describe('GETs sent ahead', () => {
  let fetchMock: jest.Mock;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') });
    let asked = 0;
    fetchMock = jest.fn(async () => answer({ asked: ++asked }));
    global.fetch = fetchMock as never;
    clearPrefetched();
  });
  afterEach(() => jest.useRealTimers());

  it('answers the screen that asks for the same path from the request already sent, once', async () => {
    prefetch('/staff/reports?tab=dispatched');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await expect(request('/staff/reports?tab=dispatched')).resolves.toEqual({ asked: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // A second look (a reload of the list) asks the server again.
    await expect(request('/staff/reports?tab=dispatched')).resolves.toEqual({ asked: 2 });
  });

  it('asks again for another path, for a POST, and once the answer sent ahead is 30 s old', async () => {
    prefetch('/staff/reports?tab=dispatched');
    await expect(request('/staff/reports?tab=overdue')).resolves.toEqual({ asked: 2 });
    await expect(request('/staff/reports?tab=dispatched', { method: 'POST' })).resolves.toEqual({ asked: 3 });

    prefetch('/staff/reports/counts');
    jest.setSystemTime(new Date('2026-03-01T08:00:30.001Z'));
    await expect(request('/staff/reports/counts')).resolves.toEqual({ asked: 5 });
  });

  it('forgets what was sent ahead when the session ends', async () => {
    prefetch('/staff/reports?tab=dispatched');
    clearPrefetched();
    await expect(request('/staff/reports?tab=dispatched')).resolves.toEqual({ asked: 2 });
  });
});

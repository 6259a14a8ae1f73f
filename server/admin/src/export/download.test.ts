import { ApiError, setUnauthorizedHandler } from '../api';
import { saveSession } from '../session';
import { downloadFile, filenameFrom } from './download';

describe('filenameFrom', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    const header = `attachment; filename="reports-20260410.xlsx"; filename*=UTF-8''${encodeURIComponent('工单导出-20260410.xlsx')}`;
    expect(filenameFrom(header, 'x.xlsx')).toBe('工单导出-20260410.xlsx');
    expect(filenameFrom('attachment; filename="ranking.xlsx"', 'x.xlsx')).toBe('ranking.xlsx');
    expect(filenameFrom("attachment; filename*=UTF-8''%E5%B7%A5%ZZ; filename=plain.xlsx", 'x.xlsx')).toBe('plain.xlsx');
    expect(filenameFrom(null, 'x.xlsx')).toBe('x.xlsx');
  });
});

/** What downloadFile reads of a fetch Response (jsdom has no Response). */
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers[name] ?? null },
    json: async () => body,
    blob: async () => new Blob([String(body)]),
  };
}

describe('downloadFile', () => {
  const fetchMock = jest.fn();
  let clicked: { href: string; download: string }[];

  beforeEach(() => {
    clicked = [];
    global.fetch = fetchMock;
    URL.createObjectURL = jest.fn(() => 'blob:report');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    saveSession('token-1', new Date(Date.now() + 3600_000).toISOString());
  });
  afterEach(() => jest.restoreAllMocks());

  it('sends the bearer token and saves the bytes under the server file name', async () => {
    fetchMock.mockResolvedValue(
      answer(200, 'xlsx', { 'Content-Disposition': "attachment; filename*=UTF-8''%E9%83%A8%E9%97%A8.xlsx" }),
    );
    await expect(downloadFile('/staff/stats/rankings/export?from=2026-03-01', 'ranking.xlsx')).resolves.toBe(
      '部门.xlsx',
    );
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/staff/stats/rankings/export?from=2026-03-01', {
      headers: { Authorization: 'Bearer token-1' },
    });
    expect(clicked).toEqual([{ href: 'blob:report', download: '部门.xlsx' }]);
  });

  it("rejects with the server's message and downloads nothing", async () => {
    fetchMock.mockResolvedValue(answer(400, { error: { code: 'bad_request', message: '超过单次导出上限 5000 件' } }));
    await expect(downloadFile('/staff/reports/export', 'r.xlsx')).rejects.toEqual(
      new ApiError(400, 'bad_request', '超过单次导出上限 5000 件'),
    );
    expect(clicked).toEqual([]);
  });

  it('returns to the login page when the session has expired', async () => {
    const onUnauthorized = jest.fn();
    setUnauthorizedHandler(onUnauthorized);
    fetchMock.mockResolvedValue(answer(401, { error: { code: 'unauthorized', message: '登录已失效' } }));
    await expect(downloadFile('/staff/reports/export', 'r.xlsx')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalled();
    expect(sessionStorage.getItem('minqing.admin.token')).toBeNull();
  });
});

import { StaffQueueQuerySchema } from '@minqing/shared';
import { DEFAULT_FILTERS, queueQueryString, sortFromTable } from './queueQuery';

const parse = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe('queue filters → query string', () => {
  it('maps each tab to the statuses the server filters on', () => {
    expect(parse(queueQueryString({ ...DEFAULT_FILTERS, tab: 'dispatched' })).status).toBe('dispatched');
    expect(parse(queueQueryString({ ...DEFAULT_FILTERS, tab: 'accepted' })).status).toBe('accepted');
    expect(parse(queueQueryString({ ...DEFAULT_FILTERS, tab: 'submitted' })).status).toBe('submitted');
    expect(parse(queueQueryString({ ...DEFAULT_FILTERS, tab: 'done' })).status).toBe('resolved,closed');
    expect(parse(queueQueryString({ ...DEFAULT_FILTERS, tab: 'all' })).status).toBeUndefined();
  });

  it('sends filled-in filters, trimmed, and leaves empty ones out', () => {
    const query = queueQueryString({
      ...DEFAULT_FILTERS,
      tab: 'all',
      serialNo: ' hy20260101-0001 ',
      keyword: ' 路灯 ',
      from: '2026-01-01',
      to: '2026-01-31',
      sort: 'resolveDueAt',
      page: 3,
      pageSize: 50,
    });
    expect(parse(query)).toEqual({
      serialNo: 'HY20260101-0001',
      keyword: '路灯',
      from: '2026-01-01',
      to: '2026-01-31',
      sort: 'resolveDueAt',
      page: '3',
      pageSize: '50',
    });
    expect(parse(queueQueryString({ ...DEFAULT_FILTERS, keyword: '   ', serialNo: '' }))).toEqual({
      status: 'dispatched',
      sort: '-submittedAt',
      page: '1',
      pageSize: '20',
    });
  });

  it('produces what the server schema accepts', () => {
    const query = queueQueryString({ ...DEFAULT_FILTERS, tab: 'done', keyword: '水', from: '2026-02-01' });
    const parsed = StaffQueueQuerySchema.safeParse(parse(query));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.status).toEqual(['resolved', 'closed']);
  });

  it('turns table sorting into the server sort key', () => {
    expect(sortFromTable('submittedAt', 'ascend')).toBe('submittedAt');
    expect(sortFromTable('resolveDueAt', 'descend')).toBe('-resolveDueAt');
    expect(sortFromTable('resolveDueAt', null)).toBe('-submittedAt');
  });
});

import { type StaffMe, StaffQueueQuerySchema } from '@minqing/shared';
import {
  DEFAULT_FILTERS,
  countsQueryString,
  filtersFromQuery,
  queryFromFilters,
  queueQueryString,
  sortFromTable,
  tabsFor,
} from './queueQuery';
import { regionOptions } from './regionOptions';

const parse = (query: string) => Object.fromEntries(new URLSearchParams(query));
const DEPARTMENT = '01J0000000000000000000000D';

describe('the queue link contract (#/queue?…)', () => {
  it('reads every documented parameter into the filters', () => {
    const query = new URLSearchParams(
      `tab=overdue&categoryId=power&regionCode=610921100201&departmentId=${DEPARTMENT}&tier=difficult&serviceId=deputy&from=2026-03-01&to=2026-03-31&keyword=%20路灯%20&serialNo=hy20260301-0001`,
    );
    expect(filtersFromQuery(query)).toEqual({
      ...DEFAULT_FILTERS,
      tab: 'overdue',
      categoryCode: 'power',
      regionCode: '610921100201',
      departmentId: DEPARTMENT,
      tier: 'difficult',
      serviceCode: 'deputy',
      from: '2026-03-01',
      to: '2026-03-31',
      keyword: '路灯',
      serialNo: 'HY20260301-0001',
    });
  });

  it('ignores malformed values instead of sending them to the server', () => {
    const query = new URLSearchParams(
      'tab=later&regionCode=abc&departmentId=42&tier=urgent&serviceId=pizza&from=March&to=2026-3-1',
    );
    expect(filtersFromQuery(query)).toEqual(DEFAULT_FILTERS);
    expect(filtersFromQuery(new URLSearchParams(''))).toEqual(DEFAULT_FILTERS);
    expect(filtersFromQuery(new URLSearchParams(''), 'submitted').tab).toBe('submitted');
  });

  it('writes the filters back in the same names, so a link round-trips', () => {
    const link = `tab=due_soon&categoryId=power&regionCode=610921100&departmentId=${DEPARTMENT}&tier=major&serviceId=direct&from=2026-01-01&to=2026-01-02&keyword=水&serialNo=HY20260101-0002`;
    const filters = filtersFromQuery(new URLSearchParams(link));
    expect(queryFromFilters(filters)).toEqual(parse(link));
  });
});

describe('queue filters → the server query', () => {
  it('sends the tab as the server names it, and nothing for 全部', () => {
    expect(parse(queueQueryString({ ...DEFAULT_FILTERS, tab: 'due_soon' })).tab).toBe('due_soon');
    expect(parse(queueQueryString({ ...DEFAULT_FILTERS, tab: 'overdue' })).tab).toBe('overdue');
    expect(parse(queueQueryString({ ...DEFAULT_FILTERS, tab: 'all' })).tab).toBeUndefined();
  });

  it('maps the hash names to the schema names, trimmed, and leaves empty ones out', () => {
    const query = queueQueryString({
      ...DEFAULT_FILTERS,
      tab: 'all',
      serviceCode: 'illegal',
      categoryCode: 'power',
      regionCode: '610921100201',
      departmentId: DEPARTMENT,
      tier: 'general',
      serialNo: ' hy20260101-0001 ',
      keyword: ' 路灯 ',
      from: '2026-01-01',
      to: '2026-01-31',
      sort: 'resolveDueAt',
      page: 3,
      pageSize: 50,
    });
    expect(parse(query)).toEqual({
      serviceCode: 'illegal',
      categoryCode: 'power',
      regionCode: '610921100201',
      departmentId: DEPARTMENT,
      tier: 'general',
      serialNo: 'HY20260101-0001',
      keyword: '路灯',
      from: '2026-01-01',
      to: '2026-01-31',
      sort: 'resolveDueAt',
      page: '3',
      pageSize: '50',
    });
    expect(parse(queueQueryString({ ...DEFAULT_FILTERS, keyword: '   ', serialNo: '' }))).toEqual({
      tab: 'dispatched',
      sort: '-submittedAt',
      page: '1',
      pageSize: '20',
    });
  });

  it('asks for the counts with the same filters but no tab, page or sort', () => {
    const filters = { ...DEFAULT_FILTERS, tab: 'overdue' as const, tier: 'major' as const, keyword: '水', page: 4 };
    expect(parse(countsQueryString(filters))).toEqual({ tier: 'major', keyword: '水' });
  });

  it('produces what the server schema accepts', () => {
    const query = queueQueryString({
      ...DEFAULT_FILTERS,
      tab: 'done',
      keyword: '水',
      from: '2026-02-01',
      serviceCode: 'direct',
      departmentId: DEPARTMENT,
    });
    const parsed = StaffQueueQuerySchema.safeParse(parse(query));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ tab: 'done', serviceCode: 'direct', departmentId: DEPARTMENT });
  });

  it('turns table sorting into the server sort key', () => {
    expect(sortFromTable('submittedAt', 'ascend')).toBe('submittedAt');
    expect(sortFromTable('resolveDueAt', 'descend')).toBe('-resolveDueAt');
    expect(sortFromTable('resolveDueAt', null)).toBe('-submittedAt');
    expect(sortFromTable('followers', 'descend')).toBe('followers');
    expect(sortFromTable('followers', null)).toBe('-submittedAt');
  });
});

describe('tabs and places by role', () => {
  it('offers 待受理 first to those who dispatch, and not to handlers', () => {
    const dispatcher = { abilities: ['queue', 'triage', 'stats'] } satisfies Pick<StaffMe, 'abilities'>;
    const handler = { abilities: ['queue', 'stats'] } satisfies Pick<StaffMe, 'abilities'>;
    expect(tabsFor(dispatcher).map((tab) => tab.label)).toEqual([
      '待受理',
      '待签收',
      '处理中',
      '即将超期',
      '已超期',
      '已办结',
      '全部',
    ]);
    expect(tabsFor({ abilities: ['queue', 'triage', 'config'] })[0].key).toBe('submitted');
    expect(tabsFor(handler).map((tab) => tab.key)).toEqual([
      'dispatched',
      'accepted',
      'due_soon',
      'overdue',
      'done',
      'all',
    ]);
    expect(tabsFor({ abilities: ['queue', 'notices'] }).map((tab) => tab.key)).not.toContain('submitted');
  });

  it('offers only the townships and villages inside the scope', () => {
    const village = (code: string, name: string) => ({ code, name, level: 'village' as const, children: [] });
    const tree = [
      {
        code: '610921',
        name: '汉阴县',
        level: 'county' as const,
        children: [
          {
            code: '610921100',
            name: '城关镇',
            level: 'township' as const,
            children: [village('610921100201', '五一村')],
          },
          {
            code: '610921101',
            name: '涧池镇',
            level: 'township' as const,
            children: [village('610921101201', '紫云村')],
          },
        ],
      },
    ];
    expect(regionOptions(tree, '610921100')).toEqual([{ value: '610921100201', title: '五一村' }]);
    expect(regionOptions(tree, '610921').map((option) => option.title)).toEqual(['城关镇', '涧池镇']);
    expect(regionOptions(tree, '610921').at(1)?.children).toEqual([{ value: '610921101201', title: '紫云村' }]);
    expect(regionOptions(tree, '610921100201')).toEqual([]);
    expect(regionOptions(tree, '610999')).toEqual([]);
  });

  it("carries a dashboard figure's link to the list and the tab counts alike", () => {
    const filters = filtersFromQuery(
      new URLSearchParams('tab=all&figure=resolved&periodFrom=2026-03-01&periodTo=2026-03-31'),
    );
    expect(filters).toMatchObject({ tab: 'all', figure: 'resolved', periodFrom: '2026-03-01', periodTo: '2026-03-31' });
    expect(Object.fromEntries(new URLSearchParams(countsQueryString(filters)))).toEqual({
      figure: 'resolved',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
    });
    expect(new URLSearchParams(queueQueryString(filters)).get('figure')).toBe('resolved');
    expect(queryFromFilters(filters)).toMatchObject({
      figure: 'resolved',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
    });
    expect(filtersFromQuery(new URLSearchParams('figure=bogus&periodFrom=yesterday'))).toMatchObject({
      figure: undefined,
      periodFrom: undefined,
    });
  });
});

import { render, screen, waitFor } from '@testing-library/react';
import type { StaffReport, StaffRole } from '@minqing/shared';
import { ReportDrawer } from './ReportDrawer';

const report = {
  id: '01J0000000000000000000000R',
  serialNo: 'HY20260101-0001',
  status: 'dispatched',
  serviceCode: 'direct',
  category: null,
  tier: 'general',
  villageCode: '610921100201',
  villageName: '五一村',
  department: null,
  submittedAt: '2026-01-01T02:00:00.000Z',
  resolveDueAt: null,
  reporter: null,
  location: null,
  text: '村口路灯不亮',
  excerpt: '村口路灯不亮',
  voice: null,
  transcript: null,
  photos: [],
  suggestions: [],
  duplicateOf: null,
  timeline: [],
  allowedActions: [],
  overdue: false,
  escalated: false,
  extensionPending: false,
} as unknown as StaffReport;

/** The API as the drawer meets it; records every path asked for. */
function serve(): string[] {
  const asked: string[] = [];
  global.fetch = jest.fn(async (url: string) => {
    asked.push(url);
    const body = url.endsWith(`/staff/reports/${report.id}`) ? report : { items: [], total: 0, page: 1, pageSize: 100 };
    return { ok: true, status: 200, text: async () => JSON.stringify(body) };
  }) as never;
  return asked;
}

function open(role: StaffRole) {
  render(
    <ReportDrawer
      reportId={report.id}
      role={role}
      departments={[]}
      categories={[]}
      onClose={() => {}}
      onChanged={() => {}}
    />,
  );
}

describe('the report drawer', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each<StaffRole>(['handler', 'cadre', 'grid_worker'])(
    'asks a %s nothing it may not see (no 内容审核)',
    async (role) => {
      const asked = serve();
      open(role);
      expect(await screen.findByText('村口路灯不亮')).toBeInTheDocument();
      await waitFor(() => expect(asked.some((url) => url.includes('/notes'))).toBe(true));
      expect(asked.filter((url) => url.includes('/moderation'))).toEqual([]);
    },
  );

  it('says who filed a 代报 for whom, and marks a rating recorded on a return visit', async () => {
    const filed = {
      ...report,
      status: 'closed',
      onBehalf: { filedBy: '网格员 王强', household: '李大爷' },
      rating: 5,
      ratingOnBehalf: true,
      ratingComment: '李大爷说修好了',
    };
    global.fetch = jest.fn(async (url: string) => {
      const body = url.endsWith(`/staff/reports/${report.id}`)
        ? filed
        : { items: [], total: 0, page: 1, pageSize: 100 };
      return { ok: true, status: 200, text: async () => JSON.stringify(body) };
    }) as never;
    open('cadre');
    expect(await screen.findByText('网格员 王强 代 李大爷 反映')).toBeInTheDocument();
    expect(screen.getByText('回访评价')).toBeInTheDocument();
    expect(screen.getByText('李大爷说修好了')).toBeInTheDocument();
  });

  it('asks a dispatcher for the content held for review', async () => {
    const asked = serve();
    open('dispatcher');
    expect(await screen.findByText('村口路灯不亮')).toBeInTheDocument();
    await waitFor(() => expect(asked.some((url) => url.includes('/staff/moderation'))).toBe(true));
  });
});

import { render, screen, waitFor } from '@testing-library/react';
import type { StaffAbility, StaffRole } from '@minqing/shared';
import { ReportDrawer } from './ReportDrawer';
import { DISPATCHED_REPORT } from './reportFixture';

const report = DISPATCHED_REPORT;

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

/** What the server grants these roles (server/src/policies/abilities.ts), as far as the drawer asks. */
const ABILITIES: Partial<Record<StaffRole, StaffAbility[]>> = {
  handler: ['queue', 'stats'],
  cadre: ['queue', 'notices', 'households'],
  grid_worker: ['queue', 'households'],
  dispatcher: ['queue', 'triage', 'stats', 'moderate'],
};

function open(role: StaffRole) {
  render(
    <ReportDrawer
      reportId={report.id}
      abilities={ABILITIES[role] ?? []}
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

  it('says who filed a 代报 for whom and in which grid, and marks a rating recorded on a return visit', async () => {
    const filed = {
      ...report,
      gridName: '第一网格',
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
    expect(screen.getByText('五一村 · 第一网格')).toBeInTheDocument();
    expect(screen.getByText('回访评价')).toBeInTheDocument();
    expect(screen.getByText('李大爷说修好了')).toBeInTheDocument();
  });

  it('shows how many villagers joined the report with 我也遇到', async () => {
    global.fetch = jest.fn(async (url: string) => {
      const body = url.endsWith(`/staff/reports/${report.id}`)
        ? { ...report, followers: 4 }
        : { items: [], total: 0, page: 1, pageSize: 100 };
      return { ok: true, status: 200, text: async () => JSON.stringify(body) };
    }) as never;
    open('dispatcher');
    expect(await screen.findByText('4 位村民也遇到（我也遇到）')).toBeInTheDocument();
  });

  it('asks a dispatcher for the content held for review', async () => {
    const asked = serve();
    open('dispatcher');
    expect(await screen.findByText('村口路灯不亮')).toBeInTheDocument();
    await waitFor(() => expect(asked.some((url) => url.includes('/staff/moderation'))).toBe(true));
  });

  describe("a voice report's transcript under the player", () => {
    const voice = {
      id: '01J0000000000000000000000V',
      kind: 'voice',
      contentType: 'audio/wav',
      size: 32_044,
      durationSeconds: 1,
      url: '/api/v1/uploads/01J0000000000000000000000V/content',
    };
    function serveVoice(detail: object) {
      URL.createObjectURL = jest.fn(() => 'blob:voice');
      URL.revokeObjectURL = jest.fn();
      global.fetch = jest.fn(async (url: string) => {
        if (url === voice.url) return { ok: true, status: 200, blob: async () => new Blob(['RIFF']) };
        const body = url.endsWith(`/staff/reports/${report.id}`)
          ? { ...report, text: null, excerpt: '[语音]', voice, ...detail }
          : { items: [], total: 0, page: 1, pageSize: 100 };
        return { ok: true, status: 200, text: async () => JSON.stringify(body) };
      }) as never;
    }

    it.each([
      ['asr', '语音转写'],
      ['wechat', '同声传译'],
    ])('shows the text with its source (%s → %s) beside the player', async (source, label) => {
      serveVoice({ transcript: '五一村三组的电线杆歪了', excerpt: '五一村三组的电线杆歪了', transcriptSource: source });
      open('handler');
      expect(await screen.findByText('五一村三组的电线杆歪了')).toBeInTheDocument();
      expect(screen.getByTestId('transcript-source')).toHaveTextContent(label);
      expect(await screen.findByLabelText('语音')).toHaveAttribute('src', 'blob:voice');
      // The text is shown once, under the player, not again as the report's content.
      expect(screen.getAllByText('五一村三组的电线杆歪了')).toHaveLength(1);
    });

    it('says 转写中… while the server is still transcribing', async () => {
      serveVoice({ transcript: null, transcriptSource: null, transcriptPending: true });
      open('handler');
      expect(await screen.findByText('转写中…')).toBeInTheDocument();
      expect(screen.queryByText('未能转写，请收听语音')).not.toBeInTheDocument();
    });

    it('asks the clerk to listen when there is no transcript', async () => {
      serveVoice({ transcript: null, transcriptSource: null });
      open('handler');
      expect(await screen.findByText('未能转写，请收听语音')).toBeInTheDocument();
      expect(screen.queryByTestId('transcript-source')).not.toBeInTheDocument();
      expect(screen.queryByText('[语音]')).not.toBeInTheDocument();
    });
  });
});

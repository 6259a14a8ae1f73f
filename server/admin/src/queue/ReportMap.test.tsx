import { render, screen } from '@testing-library/react';
import type { StaffReport } from '@minqing/shared';
import { wgs84ToGcj02 } from '@minqing/shared';
import { saveSession } from '../session';
import { ReportDrawer } from './ReportDrawer';
import { ReportMap, tencentMarkerLink } from './ReportMap';
import { DISPATCHED_REPORT } from './reportFixture';

type Shown = Pick<StaffReport, 'location' | 'mapImageUrl' | 'villageName'>;
const POINT = { lat: 32.8915, lng: 108.5084 };
const MAP_URL = '/api/v1/staff/reports/01J0000000000000000000000R/map.png';

describe('the report location in the drawer', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows the point on the map image the server fetched, with the token', async () => {
    const fetched = jest.fn(async (_url: string, _init?: RequestInit) => ({
      ok: true,
      status: 200,
      blob: async () => new Blob(['png']),
    }));
    global.fetch = fetched as never;
    URL.createObjectURL = jest.fn(() => 'blob:map');
    URL.revokeObjectURL = jest.fn();
    saveSession('token-1', '2999-01-01T00:00:00.000Z');
    const shown: Shown = {
      villageName: '五一村',
      mapImageUrl: MAP_URL,
      location: { ...POINT, coordSystem: 'gcj02', address: '汉阴县城关镇五一村', addressSource: 'geocoder' },
    };
    render(<ReportMap report={shown} />);
    expect(await screen.findByAltText('位置地图')).toHaveAttribute('src', 'blob:map');
    expect(fetched.mock.calls[0][0]).toBe(MAP_URL);
    expect(fetched.mock.calls[0][1]).toEqual({ headers: { Authorization: 'Bearer token-1' } });
    expect(screen.getByText('汉阴县城关镇五一村')).toBeInTheDocument();
    expect(screen.getByText('（腾讯地图据位置生成）')).toBeInTheDocument();
    expect(screen.getByText(/32\.89150, 108\.50840/)).toHaveTextContent('GCJ-02');
    expect(screen.queryByText('在腾讯地图中打开')).not.toBeInTheDocument();
  });

  it('says so when the map image cannot be loaded', async () => {
    global.fetch = jest.fn(async () => ({ ok: false, status: 502 })) as never;
    render(
      <ReportMap
        report={{ villageName: '五一村', mapImageUrl: MAP_URL, location: { ...POINT, coordSystem: 'gcj02' } }}
      />,
    );
    expect(await screen.findByText('地图加载失败，请稍后再试')).toBeInTheDocument();
  });

  it('without a map key: the coordinates, their system, the address and a link to Tencent maps', () => {
    global.fetch = jest.fn() as never;
    const shown: Shown = {
      villageName: '五一村',
      mapImageUrl: null,
      location: { ...POINT, coordSystem: 'wgs84', address: '五一村三组王家院子旁', addressSource: 'citizen' },
    };
    render(<ReportMap report={shown} />);
    expect(screen.getByText('五一村三组王家院子旁')).toBeInTheDocument();
    expect(screen.getByText('（群众填写）')).toBeInTheDocument();
    expect(screen.getByText(/32\.89150, 108\.50840/)).toHaveTextContent('WGS-84（GPS）');
    const link = screen.getByRole('link', { name: '在腾讯地图中打开' });
    // Tencent maps take GCJ-02: the browser's point is converted for the link.
    const at = wgs84ToGcj02(POINT);
    expect(link).toHaveAttribute('href', tencentMarkerLink(at, '五一村三组王家院子旁'));
    expect(link.getAttribute('href')).toContain(`marker=coord:${at.lat.toFixed(6)},${at.lng.toFixed(6)};title:`);
    expect(link.getAttribute('href')).toContain('&referer=321');
    expect(screen.queryByAltText('位置地图')).not.toBeInTheDocument();
    expect(global.fetch).not.toHaveBeenCalled();
  });

  it('an address alone: no coordinates, no map, no link', () => {
    render(
      <ReportMap
        report={{
          villageName: '五一村',
          mapImageUrl: null,
          location: { address: '五一村村委会', addressSource: 'citizen' },
        }}
      />,
    );
    expect(screen.getByText('五一村村委会')).toBeInTheDocument();
    expect(screen.getByText('未标记地图位置，仅有填写的地址')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('a point stored before systems were recorded says so', () => {
    render(<ReportMap report={{ villageName: '五一村', mapImageUrl: null, location: POINT }} />);
    expect(screen.getByText(/32\.89150/)).toHaveTextContent('坐标系未记录');
    expect(screen.getByRole('link', { name: '在腾讯地图中打开' })).toHaveAttribute(
      'href',
      tencentMarkerLink(POINT, '五一村'),
    );
  });
});

describe('the report drawer', () => {
  it('shows the location with its map link under 位置', async () => {
    const detail = {
      ...DISPATCHED_REPORT,
      location: { ...POINT, coordSystem: 'gcj02', address: '五一村村口', addressSource: 'citizen' },
      mapImageUrl: null,
    };
    global.fetch = jest.fn(async (url: string) => {
      const body = url.endsWith(`/staff/reports/${detail.id}`)
        ? detail
        : { items: [], total: 0, page: 1, pageSize: 100 };
      return { ok: true, status: 200, text: async () => JSON.stringify(body) };
    }) as never;
    render(
      <ReportDrawer
        reportId={detail.id}
        abilities={['queue', 'triage', 'moderate']}
        departments={[]}
        categories={[]}
        onClose={() => {}}
        onChanged={() => {}}
      />,
    );
    expect(await screen.findByRole('link', { name: '在腾讯地图中打开' })).toHaveAttribute(
      'href',
      tencentMarkerLink(POINT, '五一村村口'),
    );
    expect(screen.getByText('五一村村口')).toBeInTheDocument();
  });
});

import { Image, Space, Spin, Typography } from 'antd';
import { COORD_SYSTEM_NAMES, type StaffReport, toGcj02 } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { fetchMedia } from '../api';

/** Tencent's map page with a marker on the point (GCJ-02, as Tencent maps take it). */
export function tencentMarkerLink(point: { lat: number; lng: number }, title: string): string {
  const coord = `${point.lat.toFixed(6)},${point.lng.toFixed(6)}`;
  return `https://apis.map.qq.com/uri/v1/marker?marker=coord:${coord};title:${encodeURIComponent(title)}&referer=321`;
}

const ADDRESS_SOURCE_NOTES = { citizen: '群众填写', geocoder: '腾讯地图据位置生成' } as const;

/** The map image the server fetched from Tencent, shown from an object URL (the request carries the token). */
function MapImage({ url }: { url: string }) {
  const [state, setState] = useState<{ src: string | null; failed: boolean }>({ src: null, failed: false });
  useEffect(() => {
    let current = true;
    let created: string | null = null;
    fetchMedia(url)
      .then((objectUrl) => {
        created = objectUrl;
        if (current) setState({ src: objectUrl, failed: false });
      })
      .catch(() => current && setState({ src: null, failed: true }));
    return () => {
      current = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [url]);
  if (state.failed) return <Typography.Text type="warning">地图加载失败，请稍后再试</Typography.Text>;
  if (!state.src) return <Spin aria-label="地图加载中" />;
  return <Image src={state.src} alt="位置地图" width={360} height={180} style={{ objectFit: 'cover' }} />;
}

/**
 * 位置: the address (with who wrote it) and the point — on Tencent's static map when the server has
 * a map key (mapImageUrl), else its coordinates, their system and a link to open it in Tencent maps.
 */
export function ReportMap({ report }: { report: Pick<StaffReport, 'location' | 'mapImageUrl' | 'villageName'> }) {
  const location = report.location;
  if (!location) return null;
  const point =
    location.lat !== undefined && location.lng !== undefined ? { lat: location.lat, lng: location.lng } : null;
  return (
    <Space direction="vertical" size={4}>
      {location.address ? (
        <span>
          {location.address}
          {location.addressSource ? (
            <Typography.Text type="secondary">（{ADDRESS_SOURCE_NOTES[location.addressSource]}）</Typography.Text>
          ) : null}
        </span>
      ) : null}
      {point ? (
        <Typography.Text type="secondary">
          {point.lat.toFixed(5)}, {point.lng.toFixed(5)}（
          {location.coordSystem ? COORD_SYSTEM_NAMES[location.coordSystem] : '坐标系未记录'}）
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">未标记地图位置，仅有填写的地址</Typography.Text>
      )}
      {point && report.mapImageUrl ? <MapImage url={report.mapImageUrl} /> : null}
      {point && !report.mapImageUrl ? (
        <Typography.Link
          href={tencentMarkerLink(toGcj02(point, location.coordSystem), location.address ?? report.villageName)}
          target="_blank"
          rel="noreferrer"
        >
          在腾讯地图中打开
        </Typography.Link>
      ) : null}
    </Space>
  );
}

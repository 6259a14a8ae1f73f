import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type Notice, citizenApi, pathWith } from '@minqing/shared';
import ContentFiles from '../../../components/ContentFiles';
import { ErrorBlock, LoadingBlock } from '../../../components/EmptyState';
import { formatDateTime, paragraphs } from '../../../components/NoticeCard/format';
import { withPageHeader } from '../../../components/PageHeader';
import { spokenNotice } from '../../../components/NoticeCard';
import ReadAloud from '../../../components/ReadAloud';
import { attachmentLocalPath, getNotice } from '../../../services/api';
import { useCareMode } from '../../../stores/careMode';
import { useAsync } from '../../../pages/home/useAsync';

import './index.scss';

const contentUrl = (uploadId: string) => `/api/v1${pathWith(citizenApi.uploads.content.path, { id: uploadId })}`;

/** The notice's pictures, fetched with the token; one that cannot be shown says so. */
function NoticeImages({ ids }: { ids: string[] }) {
  const [paths, setPaths] = useState<(string | null)[]>([]);
  useEffect(() => {
    let alive = true;
    void Promise.all(ids.map((id) => attachmentLocalPath(contentUrl(id)).catch(() => null))).then((result) => {
      if (alive) setPaths(result);
    });
    return () => {
      alive = false;
    };
  }, [ids]);
  if (ids.length === 0) return null;
  const shown = paths.filter((path): path is string => Boolean(path));
  return (
    <View className="notice-detail__images">
      {ids.map((id, index) => {
        const path = paths[index];
        if (path === undefined)
          return (
            <View key={id} className="notice-detail__image notice-detail__image--loading">
              图片加载中…
            </View>
          );
        if (path === null)
          return (
            <View key={id} className="notice-detail__image notice-detail__image--missing">
              这张图片暂时无法查看
            </View>
          );
        return (
          <Image
            key={id}
            className="notice-detail__image"
            src={path}
            mode="widthFix"
            aria-label={`公告图片 ${index + 1}，点击放大`}
            onClick={() => void Taro.previewImage({ current: path, urls: shown })}
          />
        );
      })}
    </View>
  );
}

/** 通知详情: title, category, who posted it and when, 读给我听, body, pictures, readers. */
function NoticeDetailPage() {
  const care = useCareMode();
  const { params } = useRouter();
  const id = params.id ?? '';
  const villageCode = params.villageCode || undefined;
  const notice = useAsync<Notice>(`notice:${id}`, () => getNotice(id, villageCode), Boolean(id));

  useEffect(() => {
    if (notice.data) void Taro.setNavigationBarTitle({ title: notice.data.categoryName });
  }, [notice.data]);

  let body: ReactNode;
  if (!id) body = <ErrorBlock message="没有找到这条通知" />;
  else if (notice.loading && !notice.data) body = <LoadingBlock />;
  else if (notice.error) body = <ErrorBlock message={notice.error} onRetry={() => void notice.reload()} />;
  else if (notice.data) {
    const item = notice.data;
    body = (
      <View>
        <View className="notice-detail__tags">
          {item.pinned ? <Text className="notice-detail__pin">置顶</Text> : null}
          <Text className="notice-detail__category">{item.categoryName}</Text>
        </View>
        <Text className="notice-detail__title">{item.title}</Text>
        <View className="notice-detail__meta">
          <Text>发布单位：{item.regionName}</Text>
          <Text>发布时间：{formatDateTime(item.publishedAt)}</Text>
        </View>
        <ReadAloud text={spokenNotice(item)} />
        <View className="notice-detail__body">
          {paragraphs(item.body).map((paragraph, index) => (
            <Text key={index} className="notice-detail__paragraph" userSelect>
              {paragraph}
            </Text>
          ))}
        </View>
        <NoticeImages ids={item.imageUploadIds} />
        <ContentFiles kind="notices" id={item.id} />
        <Text className="notice-detail__reads">{item.readCount} 人看过</Text>
      </View>
    );
  }
  return <View className={`page notice-detail ${care.className}`}>{body}</View>;
}

export default withPageHeader(NoticeDetailPage, '通知详情');

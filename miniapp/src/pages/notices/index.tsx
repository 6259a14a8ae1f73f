import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_NAMES, type Notice, type NoticeCategory } from '@minqing/shared';
import CategoryTabs, { tabsFrom } from '../../components/CategoryTabs';
import EmptyState, { ErrorBlock, LoadingBlock } from '../../components/EmptyState';
import PagedListBody from '../../components/PagedListBody';
import FollowButton from '../../components/FollowButton';
import NoticeCard, { mergeNotices } from '../../components/NoticeCard';
import { getNotices } from '../../services/api';
import { toApiError } from '../../services/apiError';
import { useCareMode } from '../../stores/careMode';
import { refreshUser, saveProfile, useUser } from '../../stores/user';
import { ROUTES, go } from '../home/routes';
import { usePagedList } from './usePagedList';
import VillagePicker, { useVillageLabel } from '../../components/VillagePicker';

import './index.scss';

export const NOTICE_TABS = tabsFrom(NOTICE_CATEGORIES, NOTICE_CATEGORY_NAMES);
export const NOTICES_PAGE_SIZE = 10;

/** No village yet: ask for it in place (the notice board is per village). */
function ChooseVillage() {
  const [saving, setSaving] = useState(false);
  const choose = async (villageCode: string) => {
    setSaving(true);
    try {
      await saveProfile({ villageCode });
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <View className="notices__choose">
      <EmptyState icon="🏠" title="请先选择您所在的村（社区）" hint="选好后，这里会显示本村、本镇和全县发布的公告" />
      <VillagePicker value={null} onChange={(code) => void choose(code)} disabled={saving} />
    </View>
  );
}

/**
 * 政务村务: the notice board of my village with what the township and county posted, by category,
 * pinned first, 10 at a time; pull down to refresh.
 */
export default function NoticesPage() {
  const care = useCareMode();
  const { user, loading: userLoading, error: userError } = useUser();
  const villageCode = user?.villageCode ?? null;
  const [category, setCategory] = useState<NoticeCategory | ''>('');
  const villageName = useVillageLabel(villageCode);

  const list = usePagedList<Notice>(
    `${villageCode}|${category}`,
    (page, pageSize) => getNotices({ page, pageSize, ...(category ? { category } : {}) }),
    { pageSize: NOTICES_PAGE_SIZE, enabled: Boolean(villageCode), merge: mergeNotices },
  );

  // The village may have been changed elsewhere (profile page, another phone): check on every show.
  useDidShow(() => {
    if (!userLoading) void refreshUser();
  });
  const latest = useRef(list);
  latest.current = list;
  usePullDownRefresh(() => {
    void latest.current.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void latest.current.loadMore();
  });

  let body: ReactNode;
  if (!user) {
    body =
      userError && !userLoading ? (
        <ErrorBlock message={userError} onRetry={() => void refreshUser()} />
      ) : (
        <LoadingBlock text="正在登录，请稍候…" />
      );
  } else if (!villageCode) {
    body = <ChooseVillage />;
  } else {
    const categoryName = category ? NOTICE_CATEGORY_NAMES[category] : '';
    body = (
      <View>
        <View className="notices__board">
          <Text className="notices__board-name">{villageName ?? '本村'} 公告栏</Text>
          <View className="notices__board-change" role="link" onClick={() => go(ROUTES.profileEdit)}>
            更换村
          </View>
        </View>
        <FollowButton topic="village_notices" subscribeTopic="notice" label="本村公告" />
        <View className="notices__village-board" role="link" onClick={() => go(ROUTES.villageBoard)}>
          <Text className="notices__village-board-title">🗂️ 本村动态</Text>
          <Text className="notices__village-board-hint">邻居反映的事和部门的答复 ›</Text>
        </View>
        <CategoryTabs tabs={NOTICE_TABS} value={category} onChange={setCategory} label="公告栏目" />
        <PagedListBody
          list={list}
          empty={
            <EmptyState
              icon="📢"
              title={categoryName ? `暂时没有${categoryName}` : '暂时没有公告'}
              hint={categoryName ? '可以点「全部」看看其他公告，或下拉刷新' : '有新公告时会显示在这里，也可以下拉刷新'}
              action={categoryName ? { label: '看全部公告', onClick: () => setCategory('') } : undefined}
            />
          }
        >
          {(items) => (
            <View className="notices__list" role="list">
              {items.map((notice) => (
                <NoticeCard key={notice.id} notice={notice} onClick={() => go(ROUTES.notice(notice.id))} />
              ))}
            </View>
          )}
        </PagedListBody>
      </View>
    );
  }

  return <View className={`page notices ${care.className}`}>{body}</View>;
}

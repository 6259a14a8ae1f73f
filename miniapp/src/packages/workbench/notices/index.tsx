/** 我发布的公告: each with its column, status and read count; 撤回 where the server allows it. */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { StaffNotice } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import EmptyState, { ErrorBlock, LoadingBlock } from '../../../components/EmptyState';
import { withPageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/Timeline/dates';
import { toApiError } from '../../../services/apiError';
import { currentStaffSession } from '../../../services/staffSession';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES, go } from '../../../pages/home/routes';
import { getStaffNotices, withdrawNotice } from '../services/staffApi';

import './index.scss';

const STATUS_NAMES: Record<StaffNotice['status'], string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };

function MyNoticesPage() {
  const care = useCareMode();
  const [notices, setNotices] = useState<StaffNotice[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const me = currentStaffSession()?.staff.id;
    setError(null);
    try {
      const page = await getStaffNotices();
      setNotices(page.items.filter((notice) => notice.authorId === me));
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      Taro.stopPullDownRefresh();
    }
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => void load());

  const withdraw = async (notice: StaffNotice) => {
    const { confirm } = await Taro.showModal({
      title: '撤回公告',
      content: `撤回后村民将看不到「${notice.title.slice(0, 20)}」。`,
      confirmText: '撤回',
      cancelText: '取消',
    });
    if (!confirm) return;
    try {
      const updated = await withdrawNotice(notice.id);
      setNotices((current) => current?.map((item) => (item.id === updated.id ? updated : item)) ?? null);
      void Taro.showToast({ title: '已撤回', icon: 'success' });
    } catch (failure) {
      void Taro.showToast({ title: toApiError(failure).message, icon: 'none' });
    }
  };

  return (
    <View className={`page notice-phone ${care.className}`}>
      <BigButton
        icon="📢"
        label="发布新公告"
        hint="拍下纸质公告或直接填写"
        onClick={() => go(ROUTES.workbenchNoticeCompose)}
      />
      {error && !notices ? <ErrorBlock message={error} onRetry={() => void load()} /> : null}
      {!error && !notices ? <LoadingBlock /> : null}
      {notices && notices.length === 0 ? <EmptyState icon="📋" title="您还没有发布过公告" /> : null}
      {notices?.map((notice) => (
        <View key={notice.id} className="notice-phone__card" data-testid="my-notice">
          <Text className="notice-phone__title">
            {notice.pinned ? '【置顶】' : ''}
            {notice.title}
          </Text>
          <Text className="notice-phone__meta">
            {notice.categoryName} · {STATUS_NAMES[notice.status]} · 已读 {notice.readCount} 人
          </Text>
          <Text className="notice-phone__meta">
            {notice.publishedAt
              ? `发布于 ${formatDateTime(notice.publishedAt)}`
              : `创建于 ${formatDateTime(notice.createdAt)}`}
            {notice.expiresAt ? ` · ${formatDateTime(notice.expiresAt)}到期` : ''}
          </Text>
          {notice.allowedActions.includes('withdraw') ? (
            <Button className="notice-phone__withdraw" onClick={() => void withdraw(notice)}>
              撤回
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}

export default withPageHeader(MyNoticesPage, '我发布的公告');

/**
 * 我反映的问题: what is still on the phone first (继续提交), then the reports sent, newest first;
 * pull down to refresh, more on reaching the bottom. Each row says what has happened (status),
 * who has it and by when. The tab 我关注的 lists others' reports joined with 我也遇到 (`tab=following`).
 */
import { useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { SERVICE_NAMES, type ReportSummary } from '@minqing/shared';
import { withPageHeader } from '../../../components/PageHeader';
import StatusChip from '../../../components/StatusChip';
import { departmentText, dueText, formatDateTime } from '../../../components/Timeline/dates';
import { getMyReports } from '../../../services/api';
import { toApiError } from '../../../services/apiError';
import UnsentDrafts from '../../../components/UnsentDrafts';
import { useCareMode } from '../../../stores/careMode';
import FollowingList from './FollowingList';

import './index.scss';

export const EMPTY_TEXT = '还没有反映过问题，点「我要反映」试试';
export const PAGE_SIZE = 20;
export const detailUrl = (id: string): string => `/packages/my-reports/detail/index?id=${encodeURIComponent(id)}`;

type Loading = 'first' | 'refresh' | 'more' | null;
type Tab = 'mine' | 'following';
const TABS: { key: Tab; label: string }[] = [
  { key: 'mine', label: '我反映的' },
  { key: 'following', label: '我关注的' },
];

export function ReportRow({ report }: { report: ReportSummary }) {
  const due = dueText(report);
  return (
    <View
      className="my-reports__row"
      role="button"
      data-testid="report-row"
      onClick={() => void Taro.navigateTo({ url: detailUrl(report.id) })}
    >
      <View className="my-reports__row-top">
        <StatusChip status={report.status} />
        <Text className="my-reports__service">{SERVICE_NAMES[report.serviceCode]}</Text>
      </View>
      <Text className="my-reports__excerpt">{report.excerpt || '（语音或照片）'}</Text>
      <Text className="my-reports__who">承办：{departmentText(report)}</Text>
      {due ? <Text className="my-reports__due">{due}</Text> : null}
      <Text className="my-reports__meta">
        {formatDateTime(report.submittedAt)} · 编号 {report.serialNo}
      </Text>
    </View>
  );
}

function MyReportsPage() {
  const care = useCareMode();
  const [items, setItems] = useState<ReportSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState<Loading>(null);
  const [error, setError] = useState<string | null>(null);
  const pageRef = useRef(0);
  const busy = useRef(false);
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(params?.tab === 'following' ? 'following' : 'mine');
  const [followingShown, setFollowingShown] = useState(0);

  const load = async (kind: Exclude<Loading, null>) => {
    if (busy.current) return;
    busy.current = true;
    setLoading(kind);
    setError(null);
    const page = kind === 'more' ? pageRef.current + 1 : 1;
    try {
      const result = await getMyReports({ page, pageSize: PAGE_SIZE });
      pageRef.current = page;
      setTotal(result.total);
      setItems((current) => {
        if (page === 1) return result.items;
        const known = new Set(current.map((item) => item.id));
        return [...current, ...result.items.filter((item) => !known.has(item.id))];
      });
      setLoaded(true);
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      busy.current = false;
      setLoading(null);
      if (kind === 'refresh') Taro.stopPullDownRefresh();
    }
  };

  // Fresh on every visit: a rating given on the report page shows here at once.
  useDidShow(() => {
    if (tab === 'following') setFollowingShown((count) => count + 1);
    else void load(loaded ? 'refresh' : 'first');
  });
  usePullDownRefresh(() => {
    if (tab === 'following') setFollowingShown((count) => count + 1);
    else void load('refresh');
  });
  const hasMore = items.length < total;
  useReachBottom(() => {
    if (tab === 'mine' && hasMore && !error) void load('more');
  });

  const choose = (next: Tab) => {
    if (next === tab) return;
    setTab(next);
    if (next === 'mine' && !loaded) void load('first');
  };

  const tabs = (
    <View className="my-reports__tabs" role="tablist">
      {TABS.map(({ key, label }) => (
        <View
          key={key}
          className={`my-reports__tab${tab === key ? ' my-reports__tab--on' : ''}`}
          role="tab"
          aria-selected={tab === key}
          onClick={() => choose(key)}
        >
          <Text>{label}</Text>
        </View>
      ))}
    </View>
  );

  if (tab === 'following')
    return (
      <View className={`page my-reports ${care.className}`}>
        {tabs}
        <FollowingList refresh={followingShown} onLoaded={() => Taro.stopPullDownRefresh()} />
      </View>
    );

  return (
    <View className={`page my-reports ${care.className}`}>
      {tabs}
      <UnsentDrafts />

      {!loaded && loading ? <Text className="my-reports__info">正在加载…</Text> : null}

      {!loaded && error ? (
        <View className="my-reports__state">
          <Text className="my-reports__info">{error}</Text>
          <Button className="my-reports__button" onClick={() => void load('first')}>
            重试
          </Button>
        </View>
      ) : null}

      {loaded && items.length === 0 ? (
        <View className="my-reports__state">
          <Text className="my-reports__empty">{EMPTY_TEXT}</Text>
          <Button
            className="my-reports__button my-reports__button--primary"
            onClick={() => void Taro.switchTab({ url: '/pages/report/index' })}
          >
            我要反映
          </Button>
        </View>
      ) : null}

      {items.map((report) => (
        <ReportRow key={report.id} report={report} />
      ))}

      {loaded && items.length > 0 ? (
        <View className="my-reports__more">
          {error ? <Text className="my-reports__info">{error}</Text> : null}
          {hasMore || error ? (
            <Button
              className="my-reports__button"
              onClick={() => void load(error && !hasMore ? 'refresh' : 'more')}
              disabled={loading !== null || undefined}
            >
              {loading === 'more' ? '正在加载…' : error ? '重试' : '加载更多'}
            </Button>
          ) : (
            <Text className="my-reports__info">没有更多了</Text>
          )}
        </View>
      ) : null}
    </View>
  );
}

export default withPageHeader(MyReportsPage, '我反映的问题');

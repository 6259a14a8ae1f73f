/**
 * 工作台: my work in counts (待签收, 处理中, 即将超期, 已超期, 全部, 我代报的) in my own scope — a grid worker
 * their grid, a cadre their village, a handler their department — and the list of the chosen one.
 */
import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { ROLE_NAMES, type QueueCounts, type ReportSummary } from '@minqing/shared';
import EmptyState, { ErrorBlock, ListFooter, LoadingBlock } from '../../../components/EmptyState';
import { withPageHeader } from '../../../components/PageHeader';
import StatusChip from '../../../components/StatusChip';
import { formatDateTime } from '../../../components/Timeline/dates';
import { toApiError } from '../../../services/apiError';
import { clearStaffSession, currentStaffSession } from '../../../services/staffSession';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES, go } from '../../../pages/home/routes';
import { staffActions, startActionSync } from '../services/actionDrafts';
import { fieldDrafts, startFieldSync } from '../services/fieldDrafts';
import { can } from '../services/abilities';
import { getQueue, getQueueCounts, unbindWechat } from '../services/staffApi';
import FieldEntries from './FieldEntries';
import { tabName, tabsShown, type WorkbenchTab } from './tabs';

import './index.scss';

type Row = ReportSummary & { overdue?: boolean };

const toLogin = () => void Taro.redirectTo({ url: ROUTES.workbenchLogin }).catch(() => undefined);

function WorkbenchHome() {
  const care = useCareMode();
  const [session, setSession] = useState(currentStaffSession);
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [tab, setTab] = useState<WorkbenchTab>('all');
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unsent, setUnsent] = useState(() => staffActions.list().length + fieldDrafts.list().length);

  const load = async (nextTab: WorkbenchTab, nextPage = 1) => {
    const signedIn = currentStaffSession();
    if (!signedIn) return toLogin();
    if (!can(signedIn.staff, 'queue')) return;
    setLoading(true);
    setError(null);
    try {
      const [queue, tabCounts] = await Promise.all([
        getQueue(nextTab, nextPage),
        nextPage === 1 ? getQueueCounts() : Promise.resolve(null),
      ]);
      if (tabCounts) setCounts(tabCounts);
      setRows((previous) => (nextPage === 1 ? queue.items : [...previous, ...queue.items]));
      setTotal(queue.total);
      setPage(nextPage);
    } catch (failure) {
      const apiError = toApiError(failure);
      if (apiError.status === 401) return toLogin();
      setError(apiError.message);
    } finally {
      setLoading(false);
      Taro.stopPullDownRefresh();
    }
  };

  useEffect(() => {
    startActionSync();
    startFieldSync();
    const count = () => setUnsent(staffActions.list().length + fieldDrafts.list().length);
    const stopActions = staffActions.subscribe(count);
    const stopField = fieldDrafts.subscribe(count);
    return () => {
      stopActions();
      stopField();
    };
  }, []);
  useDidShow(() => {
    setSession(currentStaffSession());
    void load(tab);
  });
  usePullDownRefresh(() => void load(tab));

  const choose = (next: WorkbenchTab) => {
    setTab(next);
    setRows([]);
    void load(next);
  };

  const signOut = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出工作台',
      content: '退出后需重新登录才能办理。',
      confirmText: '退出',
      cancelText: '取消',
    });
    if (!confirm) return;
    clearStaffSession();
    void Taro.reLaunch({ url: ROUTES.meTab }).catch(() => undefined);
  };

  const unbind = async () => {
    const { confirm } = await Taro.showModal({
      title: '解绑微信',
      content: '解绑后打开小程序不再自动登录工作台，需用账号密码登录。',
      confirmText: '解绑',
      cancelText: '取消',
    });
    if (!confirm) return;
    try {
      await unbindWechat();
      setSession(currentStaffSession());
      void Taro.showToast({ title: '已解绑微信', icon: 'none' });
    } catch (failure) {
      void Taro.showToast({ title: toApiError(failure).message, icon: 'none' });
    }
  };

  if (!session)
    return (
      <View className={`page workbench ${care.className}`}>
        <LoadingBlock />
      </View>
    );
  const { staff } = session;

  return (
    <View className={`page workbench ${care.className}`}>
      <View className="workbench__who">
        <Text className="workbench__name">{staff.name}</Text>
        <Text className="workbench__role">{ROLE_NAMES[staff.role]}</Text>
      </View>
      {staff.role === 'cadre' ? (
        <View
          className="workbench__notices"
          role="button"
          aria-label="政务村务公告：发布、撤回、看已读人数"
          hoverClass="workbench__row--pressed"
          onClick={() => go(ROUTES.workbenchNotices)}
        >
          📢 政务村务公告 ›
        </View>
      ) : null}
      <FieldEntries staff={staff} />
      {unsent > 0 ? (
        <View className="workbench__unsent" role="status">
          有 {unsent} 项办理还未发送成功，联网后自动发送
        </View>
      ) : null}

      {can(staff, 'queue') ? (
        <>
          <View className="workbench__tiles">
            {tabsShown(staff.role, counts).map((key) => (
              <View
                key={key}
                className={`workbench__tile${key === tab ? ' workbench__tile--chosen' : ''}${key === 'overdue' && (counts?.overdue ?? 0) > 0 ? ' workbench__tile--alarm' : ''}`}
                role="tab"
                aria-selected={key === tab}
                aria-label={`${tabName(key)} ${counts ? counts[key] : ''} 件`}
                onClick={() => choose(key)}
              >
                <Text className="workbench__count">{counts ? counts[key] : '–'}</Text>
                <Text className="workbench__tab">{tabName(key)}</Text>
              </View>
            ))}
          </View>

          <View className="workbench__list" role="list" aria-label={tabName(tab)}>
            {error && rows.length === 0 ? <ErrorBlock message={error} onRetry={() => void load(tab)} /> : null}
            {!error && loading && rows.length === 0 ? <LoadingBlock /> : null}
            {!error && !loading && rows.length === 0 ? (
              <EmptyState icon="✅" title={`没有${tabName(tab)}的事项`} />
            ) : null}
            {rows.map((row) => (
              <View
                key={row.id}
                className="workbench__row"
                role="listitem"
                hoverClass="workbench__row--pressed"
                onClick={() => go(ROUTES.workbenchReport(row.id))}
              >
                <View className="workbench__row-top">
                  <StatusChip status={row.status} />
                  {row.overdue ? <Text className="workbench__overdue">已超期</Text> : null}
                </View>
                <Text className="workbench__excerpt">{row.excerpt}</Text>
                <Text className="workbench__meta">
                  {row.villageName} · {formatDateTime(row.submittedAt)} · {row.serialNo}
                </Text>
              </View>
            ))}
            {rows.length > 0 ? (
              <ListFooter
                state={loading ? 'loading' : error ? 'error' : rows.length >= total ? 'end' : 'idle'}
                errorMessage={error ?? undefined}
                onLoadMore={() => void load(tab, page + 1)}
              />
            ) : null}
          </View>
        </>
      ) : (
        <Text className="workbench__meta">您代报的事项，办理进展会通过消息告诉您。</Text>
      )}

      <View className="workbench__account">
        {staff.wechatBound ? (
          <Button className="workbench__link" onClick={() => void unbind()}>
            解绑微信
          </Button>
        ) : null}
        <Button className="workbench__link" onClick={() => void signOut()}>
          退出工作台
        </Button>
      </View>
    </View>
  );
}

export default withPageHeader(WorkbenchHome, '工作台');

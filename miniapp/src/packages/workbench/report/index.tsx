/**
 * 事项办理: what the villager reported (text, photos, voice with its transcript, the place with
 * 导航), the whole timeline, and exactly the actions the server allows now. Actions not yet
 * confirmed by the server stay listed here until they are.
 *
 * Params: `id`.
 */
import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import {
  ACTION_NAMES,
  SERVICE_NAMES,
  actionRequirements,
  toGcj02,
  type ReportEventType,
  type StaffAction,
  type StaffReport,
} from '@minqing/shared';
import { ErrorBlock, LoadingBlock } from '../../../components/EmptyState';
import { withPageHeader } from '../../../components/PageHeader';
import StatusChip from '../../../components/StatusChip';
import { departmentText, dueText, formatDateTime } from '../../../components/Timeline/dates';
import { toApiError } from '../../../services/apiError';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES } from '../../../pages/home/routes';
import type { ActionDraft, ActionOutcome } from '../services/actionQueue';
import { staffActions, startActionSync } from '../services/actionDrafts';
import { getStaffReport } from '../services/staffApi';
import ActionForm from './ActionForm';
import { StaffPhotos, StaffVoice } from './StaffMedia';

import './index.scss';

/** Actions that choose a department or another report: done at a desk, in the admin panel. */
const deskOnly = (action: StaffAction) =>
  actionRequirements(action).some((need) => need === 'departmentId' || need === 'targetReportId');

const eventName = (type: ReportEventType) => (type === 'submitted' ? '群众反映' : ACTION_NAMES[type]);

function navigate(report: StaffReport) {
  const place = report.location;
  if (place?.lat === undefined || place.lng === undefined) return;
  // WeChat's map takes GCJ-02: a browser's (WGS-84) point is converted first.
  const at = toGcj02({ lat: place.lat, lng: place.lng }, place.coordSystem);
  void Taro.openLocation({
    latitude: at.lat,
    longitude: at.lng,
    name: report.villageName,
    address: place.address ?? '',
    scale: 16,
  }).catch(() => Taro.showToast({ title: '打不开地图，请稍后再试', icon: 'none' }));
}

function Unsent({ drafts }: { drafts: ActionDraft[] }) {
  if (drafts.length === 0) return null;
  return (
    <View className="staff-report__card staff-report__unsent" role="status">
      {drafts.map((draft) => (
        <View key={draft.id} className="staff-report__unsent-row">
          <Text>
            {ACTION_NAMES[draft.action]}：
            {draft.state === 'failed' ? `未成功，${draft.lastError?.message ?? ''}` : '已保存，联网后自动提交'}
          </Text>
          {draft.state === 'failed' ? (
            <Button className="staff-report__small" onClick={() => staffActions.remove(draft.id)}>
              放弃
            </Button>
          ) : (
            <Button className="staff-report__small" onClick={() => void staffActions.submit(draft.id)}>
              立即重试
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}

function StaffReportPage() {
  const care = useCareMode();
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const [report, setReport] = useState<StaffReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<StaffAction | null>(null);
  const [drafts, setDrafts] = useState<ActionDraft[]>(() => staffActions.forReport(id));

  const load = async () => {
    setError(null);
    try {
      setReport(await getStaffReport(id));
    } catch (failure) {
      const apiError = toApiError(failure);
      if (apiError.status === 401) return void Taro.redirectTo({ url: ROUTES.workbenchLogin }).catch(() => undefined);
      setError(apiError.status === 404 ? '找不到这件事项' : apiError.message);
    } finally {
      Taro.stopPullDownRefresh();
    }
  };

  useEffect(() => {
    startActionSync();
    return staffActions.subscribe(() => setDrafts(staffActions.forReport(id)));
  }, [id]);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load());

  const afterAction = (outcome: ActionOutcome) => {
    if (outcome.status === 'done') {
      setReport(outcome.report);
      setOpen(null);
      void Taro.showToast({ title: '已办理', icon: 'success' });
    } else if (outcome.status === 'saved') {
      setOpen(null);
      void Taro.showToast({ title: outcome.message, icon: 'none' });
    }
  };

  if (!report) {
    return (
      <View className={`page staff-report ${care.className}`}>
        {error ? <ErrorBlock message={error} onRetry={() => void load()} /> : <LoadingBlock />}
      </View>
    );
  }

  const actions = report.allowedActions as StaffAction[];
  const due = dueText(report);

  return (
    <View className={`page staff-report ${care.className}`}>
      <View className="staff-report__card">
        <View className="staff-report__top">
          <StatusChip status={report.status} />
          <Text className="staff-report__service">{SERVICE_NAMES[report.serviceCode]}</Text>
        </View>
        <Text className="staff-report__who">承办：{departmentText(report)}</Text>
        {due ? (
          <Text className={`staff-report__due${report.overdue ? ' staff-report__due--overdue' : ''}`}>
            {report.overdue ? '已超期 · ' : ''}
            {due}
          </Text>
        ) : null}
        <Text className="staff-report__meta">编号 {report.serialNo}</Text>
        <Text className="staff-report__meta">
          {formatDateTime(report.submittedAt)} · {report.villageName}
          {report.gridName ? ` · ${report.gridName}` : ''}
          {report.category ? ` · ${report.category.name}` : ''}
        </Text>
        {report.onBehalf ? (
          <Text className="staff-report__meta">
            代报：{report.onBehalf.filedBy}
            {report.onBehalf.household ? ` 代 ${report.onBehalf.household}` : ''}
          </Text>
        ) : null}
        {report.reporter ? (
          <Text className="staff-report__meta">
            反映人：{report.reporter.nickname ?? '未留称呼'}
            {report.reporter.phone ? ` · ${report.reporter.phone}` : ''}
          </Text>
        ) : (
          <Text className="staff-report__meta">匿名举报</Text>
        )}
      </View>

      <Unsent drafts={drafts} />

      <View className="staff-report__card">
        <Text className="staff-report__heading">反映内容</Text>
        {report.text ? <Text className="staff-report__text">{report.text}</Text> : null}
        {report.voice ? <StaffVoice voice={report.voice} /> : null}
        {report.transcript ? <Text className="staff-report__transcript">语音文字：{report.transcript}</Text> : null}
        <StaffPhotos photos={report.photos} />
        {report.location ? (
          <View className="staff-report__place">
            <Text className="staff-report__meta">📍 {report.location.address ?? '已标记位置'}</Text>
            {report.location.lat !== undefined ? (
              <Button className="staff-report__small" onClick={() => navigate(report)}>
                导航
              </Button>
            ) : null}
          </View>
        ) : null}
      </View>

      <View className="staff-report__card">
        {open ? (
          <ActionForm report={report} action={open} onOutcome={afterAction} onCancel={() => setOpen(null)} />
        ) : actions.length > 0 ? (
          <>
            <Text className="staff-report__heading">办理</Text>
            <View className="staff-report__actions">
              {actions.map((action) =>
                deskOnly(action) ? null : (
                  <Button key={action} className="staff-report__action" onClick={() => setOpen(action)}>
                    {ACTION_NAMES[action]}
                  </Button>
                ),
              )}
            </View>
            {actions.some(deskOnly) ? (
              <Text className="staff-report__meta">
                {actions
                  .filter(deskOnly)
                  .map((action) => ACTION_NAMES[action])
                  .join('、')}
                请在电脑上登录管理后台办理
              </Text>
            ) : null}
          </>
        ) : (
          <Text className="staff-report__meta">这件事项目前不需要您办理</Text>
        )}
      </View>

      <View className="staff-report__card">
        <Text className="staff-report__heading">办理过程</Text>
        {report.timeline
          .slice()
          .reverse()
          .map((event) => (
            <View key={event.id} className="staff-report__event" data-testid="staff-event">
              <Text className="staff-report__event-title">
                {eventName(event.type)}
                {event.actor ? ` · ${event.actor}` : ''}
                {event.public ? '' : '（内部）'}
              </Text>
              <Text className="staff-report__meta">{formatDateTime(event.at)}</Text>
              {event.note ? <Text className="staff-report__text">{event.note}</Text> : null}
              <StaffPhotos photos={event.attachments.filter((attachment) => attachment.kind === 'photo')} />
            </View>
          ))}
      </View>
    </View>
  );
}

export default withPageHeader(StaffReportPage, '事项办理');

/**
 * One report: its status, who has it and by when, the department's answers, what the citizen
 * sent (text, voice, photos), the public timeline, and the actions the server allows now.
 *
 * Params: `id`.
 */
import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { SERVICE_NAMES, type ReportDetail } from '@minqing/shared';
import StatusChip from '../../../components/StatusChip';
import { wayBack, withPageHeader } from '../../../components/PageHeader';
import StarRating from '../../../components/StarRating';
import Timeline, { ANSWER_TYPES } from '../../../components/Timeline';
import { useAttachmentPaths } from '../../../components/Timeline/attachments';
import { departmentText, dueText, formatDateTime } from '../../../components/Timeline/dates';
import { useAudioPlayer } from '../../../components/VoiceRecorder/useAudioPlayer';
import { formatSeconds } from '../../../components/VoiceRecorder/recorderMachine';
import { getReport, unfollowReport } from '../../../services/api';
import { toApiError } from '../../../services/apiError';
import { useCareMode } from '../../../stores/careMode';
import { DisputeForm, RatingForm, SupplementForm } from './ActionForms';

import './index.scss';

type ActionName = 'rate' | 'dispute' | 'supplement';

const ACTION_BUTTONS: Record<ActionName, string> = {
  rate: '评价',
  dispute: '要求重办',
  supplement: '补充说明',
};

/** Why the report is not shown: gone (or never ours) — nothing to retry — or a failure worth retrying. */
interface LoadError {
  message: string;
  notFound: boolean;
}

const NOT_FOUND: LoadError = { message: '找不到这条反映', notFound: true };

function decodeParam(value: string | undefined): string {
  try {
    return value ? decodeURIComponent(value) : '';
  } catch {
    return value ?? '';
  }
}

function VoicePlayer({ report }: { report: ReportDetail }) {
  const [voice] = useAttachmentPaths(report.voice ? [report.voice] : []);
  const player = useAudioPlayer();
  if (!voice) return null;
  const path = voice.path;
  const playing = path !== null && player.playing === path;
  const seconds = voice.attachment.durationSeconds ?? 0;
  return (
    <Button className="detail__voice" onClick={() => path && player.toggle(path)} disabled={!path || undefined}>
      {voice.failed
        ? '语音暂时听不了'
        : !path
          ? '语音加载中…'
          : `${playing ? '■ 停止' : '▶ 听语音'} ${formatSeconds(seconds * 1000)}`}
    </Button>
  );
}

function Photos({ report }: { report: ReportDetail }) {
  const photos = useAttachmentPaths(report.photos);
  if (photos.length === 0) return null;
  const urls = photos.flatMap((photo) => (photo.path ? [photo.path] : []));
  return (
    <View className="detail__photos">
      {photos.map((photo, index) =>
        photo.path ? (
          <Image
            key={photo.attachment.id}
            className="detail__photo"
            src={photo.path}
            mode="aspectFill"
            aria-label={`第${index + 1}张照片，点开看大图`}
            onClick={() => void Taro.previewImage({ urls, current: photo.path as string }).catch(() => undefined)}
          />
        ) : (
          <View key={photo.attachment.id} className="detail__photo detail__photo--missing">
            <Text>{photo.failed ? '照片暂时看不了' : '加载中…'}</Text>
          </View>
        ),
      )}
    </View>
  );
}

function Answers({ report }: { report: ReportDetail }) {
  const answers = report.timeline.filter((event) => event.public && ANSWER_TYPES.includes(event.type) && event.note);
  if (answers.length === 0) return null;
  return (
    <View className="detail__card">
      <Text className="detail__heading">{report.status === 'rejected' ? '未受理的原因' : '部门答复'}</Text>
      {answers
        .slice()
        .reverse()
        .map((event) => (
          <View key={event.id} className="detail__answer" data-testid="answer">
            <Text className="detail__answer-who">
              {event.department?.name ?? event.actor ?? '工作人员'} · {formatDateTime(event.at)}
            </Text>
            <Text className="detail__answer-text">{event.note}</Text>
          </View>
        ))}
    </View>
  );
}

/** 我也遇到: the villager follows someone else's report; they may stop, after a confirmation. */
function Following({ report }: { report: ReportDetail }) {
  const [leaving, setLeaving] = useState(false);
  const leave = async () => {
    const answer = await Taro.showModal({
      title: '取消关注',
      content: '取消后不再收到这件事的办理进展，确定吗？',
      confirmText: '取消关注',
      cancelText: '再想想',
    }).catch(() => ({ confirm: false }));
    if (!answer.confirm) return;
    setLeaving(true);
    try {
      await unfollowReport(report.id);
      await Taro.showToast({ title: '已取消关注', icon: 'success' }).catch(() => undefined);
      wayBack().go();
    } catch (failure) {
      void Taro.showToast({ title: toApiError(failure).message, icon: 'none' });
      setLeaving(false);
    }
  };
  return (
    <View className="detail__card" data-testid="following-card">
      <Text className="detail__heading">您关注了这件事（我也遇到）</Text>
      <Text className="detail__text">办理进展和结果会通知您。评价由反映这件事的村民来做。</Text>
      <Button className="detail__button" onClick={() => void leave()} disabled={leaving || undefined}>
        {leaving ? '正在取消…' : '取消关注'}
      </Button>
    </View>
  );
}

function ReportDetailPage() {
  const care = useCareMode();
  const { params } = useRouter();
  const id = decodeParam(params.id);
  const [report, setReport] = useState<ReportDetail | null>(null);
  const [error, setError] = useState<LoadError | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<ActionName | null>(null);

  const load = async () => {
    if (!id) {
      setError(NOT_FOUND);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setReport(await getReport(id));
    } catch (failure) {
      const apiError = toApiError(failure);
      setError(apiError.status === 404 ? NOT_FOUND : { message: apiError.message, notFound: false });
    } finally {
      setLoading(false);
      Taro.stopPullDownRefresh();
    }
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => void load());

  const done = (updated: ReportDetail) => {
    setReport(updated);
    setOpen(null);
  };

  if (!report) {
    const back = wayBack();
    return (
      <View className={`page detail ${care.className}`}>
        {loading || !error ? <Text className="detail__info">正在加载…</Text> : null}
        {error ? (
          <View className="detail__state">
            <Text className="detail__info">{error.message}</Text>
            {error.notFound ? (
              <Button className="detail__button detail__button--primary" onClick={back.go}>
                {back.label}
              </Button>
            ) : (
              <Button className="detail__button" onClick={() => void load()}>
                重试
              </Button>
            )}
          </View>
        ) : null}
      </View>
    );
  }

  const actions = (['rate', 'dispute', 'supplement'] as const).filter((action) =>
    report.allowedActions.includes(action),
  );
  const due = dueText(report);

  return (
    <View className={`page detail ${care.className}`}>
      <View className="detail__card">
        <View className="detail__top">
          <StatusChip status={report.status} label={report.following ? report.statusName : undefined} />
          <Text className="detail__service">{SERVICE_NAMES[report.serviceCode]}</Text>
        </View>
        <Text className="detail__who">承办：{departmentText(report)}</Text>
        {due ? <Text className="detail__due">{due}</Text> : null}
        <Text className="detail__meta">编号 {report.serialNo}</Text>
        <Text className="detail__meta">
          {formatDateTime(report.submittedAt)} · {report.villageName}
          {report.anonymous ? ' · 匿名举报' : ''}
        </Text>
      </View>

      <Answers report={report} />

      {report.following ? <Following report={report} /> : null}

      {actions.length > 0 ? (
        <View className="detail__card">
          {open === null ? (
            <View className="detail__actions">
              {actions.map((action) => (
                <Button
                  key={action}
                  className={`detail__button${action === 'rate' ? ' detail__button--primary' : ''}`}
                  onClick={() => setOpen(action)}
                >
                  {ACTION_BUTTONS[action]}
                </Button>
              ))}
            </View>
          ) : null}
          {open === 'rate' ? <RatingForm report={report} onDone={done} onCancel={() => setOpen(null)} /> : null}
          {open === 'dispute' ? <DisputeForm report={report} onDone={done} onCancel={() => setOpen(null)} /> : null}
          {open === 'supplement' ? (
            <SupplementForm report={report} onDone={done} onCancel={() => setOpen(null)} />
          ) : null}
        </View>
      ) : null}

      {report.rating ? (
        <View className="detail__card">
          {/* 回访评价: the grid worker wrote down what the household said on a return visit. */}
          <Text className="detail__heading">
            {report.ratingOnBehalf ? '回访评价（工作人员回访时代为记录）' : '您的评价'}
          </Text>
          <StarRating value={report.rating} readOnly />
          {report.ratingComment ? <Text className="detail__text">{report.ratingComment}</Text> : null}
        </View>
      ) : null}

      <View className="detail__card">
        <Text className="detail__heading">{report.following ? '村民反映的内容' : '您反映的内容'}</Text>
        {report.text ? <Text className="detail__text">{report.text}</Text> : null}
        <VoicePlayer report={report} />
        {report.transcript ? <Text className="detail__transcript">语音文字：{report.transcript}</Text> : null}
        <Photos report={report} />
        {report.location ? (
          <Text className="detail__meta" data-testid="report-place">
            📍 {report.location.address ?? '已在地图上标记位置'}
          </Text>
        ) : null}
        {report.category ? <Text className="detail__meta">类别：{report.category.name}</Text> : null}
        {report.deputy ? (
          <Text className="detail__meta">
            反映给：{report.deputy.name}（{report.deputy.title}）
          </Text>
        ) : null}
        {report.onBehalf ? <Text className="detail__meta">由{report.onBehalf.filedBy}代为反映</Text> : null}
      </View>

      <View className="detail__card">
        <Text className="detail__heading">办理进度</Text>
        <Timeline events={report.timeline} />
      </View>
    </View>
  );
}

export default withPageHeader(ReportDetailPage, '反映详情');

/**
 * Reports still on this phone, where the villager looks for their reports (民情直达, 我的反映):
 * one begun and never sent (继续提交), one the server refused (去修改), and those waiting for a
 * signal (现在提交). Nothing recorded, written or photographed seems sent before it is.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { SERVICE_NAMES } from '@minqing/shared';
import { drafts } from '../../services/drafts';
import { SAVED_OFFLINE_MESSAGE, type ReportDraft } from '../../services/draftTypes';
import { useDrafts } from '../../stores/drafts';
import { composeUrl } from '../../pages/report/services';
import { formatDateTime } from '../Timeline/dates';

import './index.scss';

export const UNSENT_TITLE = '还没有提交';
const EXCERPT_MAX = 18;

export const draftUrl = (draft: ReportDraft): string =>
  `${composeUrl(draft.serviceCode)}&draftId=${encodeURIComponent(draft.id)}`;

/** What the draft holds, in a few words: its first words, else its recording or photos. */
export function draftSummary(draft: ReportDraft): string {
  const text = draft.text?.trim() || draft.voice?.transcript?.trim();
  if (text) return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX)}…` : text;
  const parts = [
    draft.voice ? `一段 ${draft.voice.durationSeconds} 秒的录音` : '',
    draft.photos.length > 0 ? `${draft.photos.length} 张照片` : '',
  ];
  return parts.filter(Boolean).join('和') || '没有内容';
}

function DraftRow({ draft, action }: { draft: ReportDraft; action: string }) {
  const note =
    draft.state === 'failed'
      ? `没能提交：${draft.lastError?.message ?? '请修改后再提交'}`
      : `${formatDateTime(new Date(draft.updatedAt).toISOString())} 保存在手机上`;
  return (
    <View className="unsent-drafts__row" data-testid="unsent-draft">
      <View className="unsent-drafts__words">
        <Text className="unsent-drafts__what">
          {SERVICE_NAMES[draft.serviceCode]}：{draftSummary(draft)}
        </Text>
        <Text className="unsent-drafts__note">{note}</Text>
      </View>
      <Button className="unsent-drafts__action" onClick={() => void Taro.navigateTo({ url: draftUrl(draft) })}>
        {action}
      </Button>
    </View>
  );
}

export default function UnsentDrafts() {
  const all = useDrafts();
  const [retrying, setRetrying] = useState(false);
  const newestFirst = [...all].reverse();
  const begun = newestFirst.filter((draft) => draft.state === 'editing');
  const refused = newestFirst.filter((draft) => draft.state === 'failed');
  const waiting = all.length - begun.length - refused.length;
  if (all.length === 0) return null;

  const retry = async () => {
    setRetrying(true);
    try {
      await drafts.retryDue(true);
    } finally {
      setRetrying(false);
    }
  };

  return (
    <View className="unsent-drafts" role="status">
      {begun.length + refused.length > 0 ? <Text className="unsent-drafts__title">{UNSENT_TITLE}</Text> : null}
      {begun.map((draft) => (
        <DraftRow key={draft.id} draft={draft} action="继续提交" />
      ))}
      {refused.map((draft) => (
        <DraftRow key={draft.id} draft={draft} action="去修改" />
      ))}
      {waiting > 0 ? (
        <View className="unsent-drafts__row">
          <Text className="unsent-drafts__what unsent-drafts__words">
            有 {waiting} 条反映{SAVED_OFFLINE_MESSAGE}
          </Text>
          <Button className="unsent-drafts__action" onClick={() => void retry()} disabled={retrying || undefined}>
            {retrying ? '正在提交…' : '现在提交'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

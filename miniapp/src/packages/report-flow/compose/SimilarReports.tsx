/**
 * 我也遇到: while a villager writes or says what is wrong, the open reports of their village that look
 * like the same matter (GET /reports/similar: only what 本村动态 may show, never who reported it). One
 * tap on 我也遇到 follows that report instead of filing it again; its progress then reaches them too.
 * Asked for once the words settle (a pause in typing); shown only for 民情直通, and only when found.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { SimilarReport } from '@minqing/shared';
import StatusChip from '../../../components/StatusChip';
import { followReport, getSimilarReports } from '../../../services/api';
import { toApiError } from '../../../services/apiError';

import './SimilarReports.scss';

export const SIMILAR_TITLE = '本村已有相似的问题';
export const SIMILAR_HINT = '如果是同一件事，点「我也遇到」就行，不用重复反映，办理进展会通知您。';
export const ME_TOO = '我也遇到';
export const FOLLOWED = '已关注';
/** Fewer characters than this say too little to compare. */
export const MIN_CHARS = 4;
export const SETTLE_MS = 600;

export interface SimilarReportsProps {
  villageCode: string | null;
  /** What was written, and the voice transcript when there is one. */
  text: string;
  disabled?: boolean;
  onFollowed: (report: SimilarReport) => void;
}

export default function SimilarReports({ villageCode, text, disabled, onFollowed }: SimilarReportsProps) {
  const [items, setItems] = useState<SimilarReport[]>([]);
  const [followed, setFollowed] = useState<Record<string, true>>({});
  const [joining, setJoining] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(0);
  const words = text.trim();

  useEffect(() => {
    if (!villageCode || words.length < MIN_CHARS) {
      asked.current++;
      setItems([]);
      return undefined;
    }
    const timer = setTimeout(() => {
      const question = ++asked.current;
      getSimilarReports(villageCode, words)
        .then((result) => {
          if (question !== asked.current) return;
          setItems(result.items ?? []);
          setError(null);
        })
        .catch(() => {
          if (question !== asked.current) return;
          setItems([]);
          setError('暂时查不到本村相似的问题，不影响您提交');
        });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [villageCode, words]);

  const join = async (report: SimilarReport) => {
    if (joining || followed[report.id]) return;
    setJoining(report.id);
    setError(null);
    try {
      const result = await followReport(report.id);
      setFollowed((current) => ({ ...current, [report.id]: true }));
      setItems((current) =>
        current.map((item) => (item.id === report.id ? { ...item, followers: result.followers } : item)),
      );
      onFollowed({ ...report, followers: result.followers });
    } catch (failure) {
      setError(`没能关注：${toApiError(failure).message}`);
    } finally {
      setJoining(null);
    }
  };

  if (items.length === 0)
    return error ? (
      <Text className="similar__note" data-testid="similar-error">
        {error}
      </Text>
    ) : null;

  return (
    <View className="similar" data-testid="similar-reports">
      <Text className="similar__title">{SIMILAR_TITLE}</Text>
      <Text className="similar__hint">{SIMILAR_HINT}</Text>
      {items.map((report) => (
        <View key={report.id} className="similar__item" data-testid="similar-item">
          <View className="similar__top">
            <StatusChip status={report.status} />
            <Text className="similar__who">承办：{report.department?.name ?? '正在分派'}</Text>
          </View>
          <Text className="similar__excerpt">{report.excerpt}</Text>
          <View className="similar__bottom">
            <Text className="similar__count">
              {report.followers > 0 ? `${report.followers} 位村民也遇到` : `编号 ${report.serialNo}`}
            </Text>
            <Button
              className={`similar__join${followed[report.id] ? ' similar__join--done' : ''}`}
              onClick={() => void join(report)}
              disabled={disabled || Boolean(followed[report.id]) || joining !== null || undefined}
            >
              {followed[report.id] ? FOLLOWED : joining === report.id ? '正在关注…' : ME_TOO}
            </Button>
          </View>
        </View>
      ))}
      {error ? <Text className="similar__error">{error}</Text> : null}
    </View>
  );
}

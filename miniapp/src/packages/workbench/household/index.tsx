/**
 * One household: its visits, newest first, and 记录走访 (with 同时代报). A visit not yet confirmed
 * by the server is listed as waiting and sent again when the signal returns.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { Visit } from '@minqing/shared';
import EmptyState, { ErrorBlock, ListFooter, LoadingBlock } from '../../../components/EmptyState';
import { withPageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/Timeline/dates';
import { toApiError } from '../../../services/apiError';
import { currentStaffSession } from '../../../services/staffSession';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES } from '../../../pages/home/routes';
import { can } from '../services/abilities';
import { getVisits } from '../services/staffApi';
import { fieldDrafts, startFieldSync } from '../services/fieldDrafts';
import type { FieldOutcome } from '../services/fieldQueue';
import VisitForm from './VisitForm';

import './index.scss';

const toLogin = () => void Taro.redirectTo({ url: ROUTES.workbenchLogin }).catch(() => undefined);

function HouseholdPage() {
  const care = useCareMode();
  const { params } = useRouter();
  const householdId = params.id ?? '';
  const household = {
    id: householdId,
    headName: decodeURIComponent(params.name ?? ''),
    villageCode: (params.grid ?? '').slice(0, 12),
    address: decodeURIComponent(params.address ?? ''),
  };
  const [visits, setVisits] = useState<Visit[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unsent, setUnsent] = useState(() => fieldDrafts.forHousehold(householdId));

  const load = async (nextPage = 1) => {
    if (!currentStaffSession()) return toLogin();
    setLoading(true);
    setError(null);
    try {
      const result = await getVisits(householdId, nextPage);
      setVisits((previous) => (nextPage === 1 ? result.items : [...previous, ...result.items]));
      setTotal(result.total);
      setPage(nextPage);
      setLoaded(true);
    } catch (failure) {
      const apiError = toApiError(failure);
      if (apiError.status === 401) return toLogin();
      setError(apiError.message);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    startFieldSync();
    return fieldDrafts.subscribe(() => setUnsent(fieldDrafts.forHousehold(householdId)));
  }, [householdId]);
  useDidShow(() => void load());

  const afterSend = (outcome: FieldOutcome) => {
    if (outcome.status === 'saved') void Taro.showToast({ title: outcome.message, icon: 'none' });
    if (outcome.status !== 'done') return;
    void load();
    if (!outcome.report) return void Taro.showToast({ title: '走访已记录', icon: 'success' });
    const report = outcome.report;
    const content = `反映编号 ${report.serialNo}，办理结果会告诉您。`;
    if (!can(currentStaffSession()?.staff, 'queue'))
      return void Taro.showModal({ title: '走访已记录，已代报', content, showCancel: false, confirmText: '知道了' });
    void Taro.showModal({ title: '走访已记录，已代报', content, confirmText: '查看代报', cancelText: '留在本页' }).then(
      ({ confirm }) => {
        if (confirm) void Taro.navigateTo({ url: ROUTES.workbenchReport(report.id) }).catch(() => undefined);
      },
    );
  };

  return (
    <View className={`page household ${care.className}`}>
      <Text className="household__name">{household.headName}</Text>
      <Text className="household__address">{household.address}</Text>
      <VisitForm household={household} onOutcome={afterSend} />
      {unsent.map((draft) => (
        <View key={draft.id} className="household__unsent" role="status">
          {draft.state === 'failed'
            ? `未能保存：${draft.lastError?.message ?? ''}`
            : '这次走访还未发送成功，联网后自动发送'}
          {draft.state === 'failed' ? (
            <View className="household__discard" role="button" onClick={() => fieldDrafts.remove(draft.id)}>
              放弃这次走访
            </View>
          ) : null}
        </View>
      ))}
      <Text className="household__heading">走访记录</Text>
      <View role="list" aria-label="走访记录">
        {error && visits.length === 0 ? <ErrorBlock message={error} onRetry={() => void load()} /> : null}
        {!error && !loaded ? <LoadingBlock /> : null}
        {!error && loaded && visits.length === 0 ? <EmptyState icon="📝" title="还没有走访记录" /> : null}
        {visits.map((visit) => (
          <View key={visit.id} className="household__visit" role="listitem">
            <Text className="household__meta">
              {formatDateTime(visit.visitedAt)} · {visit.visitor?.name ?? ''}
              {visit.photoUploadIds.length > 0 ? ` · ${visit.photoUploadIds.length} 张照片` : ''}
            </Text>
            <Text className="household__note">{visit.note}</Text>
          </View>
        ))}
        {visits.length > 0 ? (
          <ListFooter
            state={loading ? 'loading' : error ? 'error' : visits.length >= total ? 'end' : 'idle'}
            errorMessage={error ?? undefined}
            onLoadMore={() => void load(page + 1)}
          />
        ) : null}
      </View>
    </View>
  );
}

export default withPageHeader(HouseholdPage, '住户走访');

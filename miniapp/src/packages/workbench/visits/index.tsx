/** 走访记录: the visits logged in my scope, newest first; tapping one opens its household to visit again. */
import { Text, View } from '@tarojs/components';
import type { Visit } from '@minqing/shared';
import EmptyState, { ErrorBlock, ListFooter, LoadingBlock } from '../../../components/EmptyState';
import { withPageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/Timeline/dates';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES, go } from '../../../pages/home/routes';
import { getVisits } from '../services/staffApi';
import { useStaffPages } from '../services/useStaffPages';

import '../households/index.scss';

function VisitsPage() {
  const care = useCareMode();
  const { rows, error, loaded, footerState, reload, loadMore } = useStaffPages<Visit>((page) => getVisits(null, page));

  return (
    <View className={`page households ${care.className}`}>
      <View role="list" aria-label="走访记录">
        {error && rows.length === 0 ? <ErrorBlock message={error} onRetry={reload} /> : null}
        {!error && !loaded && rows.length === 0 ? <LoadingBlock /> : null}
        {!error && loaded && rows.length === 0 ? (
          <EmptyState icon="📝" title="还没有走访记录" hint="在「我的住户」里选一户，记录走访" />
        ) : null}
        {rows.map((visit) => (
          <View
            key={visit.id}
            className="households__row"
            role="listitem"
            hoverClass="households__row--pressed"
            onClick={() => go(ROUTES.workbenchHousehold(visit.household))}
          >
            <View className="households__top">
              <Text className="households__name">{visit.household.headName}</Text>
              <Text className="households__phone">{formatDateTime(visit.visitedAt)}</Text>
            </View>
            <Text className="households__address">{visit.note}</Text>
            <Text className="households__visited">
              {visit.visitor ? `走访人 ${visit.visitor.name}` : ''}
              {visit.photoUploadIds.length > 0 ? ` · ${visit.photoUploadIds.length} 张照片` : ''}
            </Text>
          </View>
        ))}
        {rows.length > 0 ? (
          <ListFooter state={footerState} errorMessage={error ?? undefined} onLoadMore={loadMore} />
        ) : null}
      </View>
    </View>
  );
}

export default withPageHeader(VisitsPage, '走访记录');

/**
 * 我的住户: the households in my scope (a 三线 member's own, a grid worker's grid, a cadre's
 * village) with their tags and last visit; tapping one opens its visits and 记录走访.
 */
import { Text, View } from '@tarojs/components';
import { HOUSEHOLD_TAG_NAMES, type Household } from '@minqing/shared';
import EmptyState, { ErrorBlock, ListFooter, LoadingBlock } from '../../../components/EmptyState';
import { withPageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/Timeline/dates';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES, go } from '../../../pages/home/routes';
import { getHouseholds } from '../services/staffApi';
import { useStaffPages } from '../services/useStaffPages';

import './index.scss';

function HouseholdsPage() {
  const care = useCareMode();
  const { rows, error, loaded, footerState, reload, loadMore } = useStaffPages<Household>((page) =>
    getHouseholds(page),
  );

  return (
    <View className={`page households ${care.className}`}>
      <View role="list" aria-label="我的住户">
        {error && rows.length === 0 ? <ErrorBlock message={error} onRetry={reload} /> : null}
        {!error && !loaded && rows.length === 0 ? <LoadingBlock /> : null}
        {!error && loaded && rows.length === 0 ? (
          <EmptyState icon="🏠" title="还没有分给您的住户" hint="住户花名册由村里在管理后台导入" />
        ) : null}
        {rows.map((household) => (
          <View
            key={household.id}
            className="households__row"
            role="listitem"
            hoverClass="households__row--pressed"
            onClick={() => go(ROUTES.workbenchHousehold(household))}
          >
            <View className="households__top">
              <Text className="households__name">{household.headName}</Text>
              {household.phone ? <Text className="households__phone">{household.phone}</Text> : null}
            </View>
            <Text className="households__address">
              {household.villageName}
              {household.gridName} · {household.address}
            </Text>
            {household.tags.length > 0 ? (
              <View className="households__tags">
                {household.tags.map((tag) => (
                  <Text key={tag} className="households__tag">
                    {HOUSEHOLD_TAG_NAMES[tag]}
                  </Text>
                ))}
              </View>
            ) : null}
            <Text className={`households__visited${household.lastVisitedAt ? '' : ' households__visited--never'}`}>
              {household.lastVisitedAt ? `上次走访 ${formatDateTime(household.lastVisitedAt)}` : '还没有走访记录'}
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

export default withPageHeader(HouseholdsPage, '我的住户');

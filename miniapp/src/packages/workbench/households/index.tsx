/**
 * 我的住户: the households in my scope (a 三线 member's own, a grid worker's grid, a cadre's
 * village) with their tags and last visit; tapping one opens its visits and 记录走访.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { HOUSEHOLD_TAG_NAMES, type Household } from '@minqing/shared'
import EmptyState, { ErrorBlock, ListFooter, LoadingBlock } from '../../../components/EmptyState'
import { withPageHeader } from '../../../components/PageHeader'
import { formatDateTime } from '../../../components/Timeline/dates'
import { toApiError } from '../../../services/apiError'
import { currentStaffSession } from '../../../services/staffSession'
import { useCareMode } from '../../../stores/careMode'
import { ROUTES, go } from '../../../pages/home/routes'
import { getHouseholds } from '../services/staffApi'

import './index.scss'

const toLogin = () => void Taro.redirectTo({ url: ROUTES.workbenchLogin }).catch(() => undefined)

function HouseholdsPage() {
  const care = useCareMode()
  const [rows, setRows] = useState<Household[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(1)
  const [loading, setLoading] = useState(false)
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = async (nextPage = 1) => {
    if (!currentStaffSession()) return toLogin()
    setLoading(true)
    setError(null)
    try {
      const result = await getHouseholds(nextPage)
      setRows((previous) => (nextPage === 1 ? result.items : [...previous, ...result.items]))
      setTotal(result.total)
      setPage(nextPage)
      setLoaded(true)
    } catch (failure) {
      const apiError = toApiError(failure)
      if (apiError.status === 401) return toLogin()
      setError(apiError.message)
    } finally {
      setLoading(false)
      Taro.stopPullDownRefresh()
    }
  }

  useDidShow(() => void load())
  usePullDownRefresh(() => void load())

  return (
    <View className={`page households ${care.className}`}>
      <View role='list' aria-label='我的住户'>
        {error && rows.length === 0 ? <ErrorBlock message={error} onRetry={() => void load()} /> : null}
        {!error && !loaded && rows.length === 0 ? <LoadingBlock /> : null}
        {!error && loaded && rows.length === 0 ? <EmptyState icon='🏠' title='还没有分给您的住户' hint='住户花名册由村里在管理后台导入' /> : null}
        {rows.map((household) => (
          <View key={household.id} className='households__row' role='listitem' hoverClass='households__row--pressed' onClick={() => go(ROUTES.workbenchHousehold(household))}>
            <View className='households__top'>
              <Text className='households__name'>{household.headName}</Text>
              {household.phone ? <Text className='households__phone'>{household.phone}</Text> : null}
            </View>
            <Text className='households__address'>
              {household.villageName}
              {household.gridName} · {household.address}
            </Text>
            {household.tags.length > 0 ? (
              <View className='households__tags'>
                {household.tags.map((tag) => (
                  <Text key={tag} className='households__tag'>
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
          <ListFooter state={loading ? 'loading' : error ? 'error' : rows.length >= total ? 'end' : 'idle'} errorMessage={error ?? undefined} onLoadMore={() => void load(page + 1)} />
        ) : null}
      </View>
    </View>
  )
}

export default withPageHeader(HouseholdsPage, '我的住户')

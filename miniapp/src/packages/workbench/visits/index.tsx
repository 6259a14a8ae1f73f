/** 走访记录: the visits logged in my scope, newest first; tapping one opens its household to visit again. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { Visit } from '@minqing/shared'
import EmptyState, { ErrorBlock, ListFooter, LoadingBlock } from '../../../components/EmptyState'
import { withPageHeader } from '../../../components/PageHeader'
import { formatDateTime } from '../../../components/Timeline/dates'
import { toApiError } from '../../../services/apiError'
import { currentStaffSession } from '../../../services/staffSession'
import { useCareMode } from '../../../stores/careMode'
import { ROUTES, go } from '../../../pages/home/routes'
import { getVisits } from '../services/staffApi'

import '../households/index.scss'

const toLogin = () => void Taro.redirectTo({ url: ROUTES.workbenchLogin }).catch(() => undefined)

function VisitsPage() {
  const care = useCareMode()
  const [rows, setRows] = useState<Visit[]>([])
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
      const result = await getVisits(null, nextPage)
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
      <View role='list' aria-label='走访记录'>
        {error && rows.length === 0 ? <ErrorBlock message={error} onRetry={() => void load()} /> : null}
        {!error && !loaded && rows.length === 0 ? <LoadingBlock /> : null}
        {!error && loaded && rows.length === 0 ? <EmptyState icon='📝' title='还没有走访记录' hint='在「我的住户」里选一户，记录走访' /> : null}
        {rows.map((visit) => (
          <View key={visit.id} className='households__row' role='listitem' hoverClass='households__row--pressed' onClick={() => go(ROUTES.workbenchHousehold(visit.household))}>
            <View className='households__top'>
              <Text className='households__name'>{visit.household.headName}</Text>
              <Text className='households__phone'>{formatDateTime(visit.visitedAt)}</Text>
            </View>
            <Text className='households__address'>{visit.note}</Text>
            <Text className='households__visited'>
              {visit.visitor ? `走访人 ${visit.visitor.name}` : ''}
              {visit.photoUploadIds.length > 0 ? ` · ${visit.photoUploadIds.length} 张照片` : ''}
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

export default withPageHeader(VisitsPage, '走访记录')

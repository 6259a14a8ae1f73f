/**
 * 民情直达: the five services as large cards (icon, word, one line). Tapping one opens the report
 * form for it. Reports waiting for a signal are shown on top, so nothing seems lost.
 */
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { Service } from '@minqing/shared'
import { drafts } from '../../services/drafts'
import { SAVED_OFFLINE_MESSAGE } from '../../services/draftTypes'
import { useCareMode } from '../../stores/careMode'
import { usePendingDrafts } from '../../stores/drafts'
import { FALLBACK_SERVICES, SERVICE_ICONS, cachedServices, composeUrl, loadServices } from './services'

import './index.scss'

export const MY_REPORTS_URL = '/packages/my-reports/list/index'

function PendingDrafts() {
  const pending = usePendingDrafts()
  const [retrying, setRetrying] = useState(false)
  if (pending.length === 0) return null
  const refused = pending.filter((draft) => draft.state === 'failed')
  const retry = async () => {
    setRetrying(true)
    try {
      await drafts.retryDue(true)
    } finally {
      setRetrying(false)
    }
  }
  return (
    <View className='report-tab__pending' role='status'>
      {refused.length > 0 ? (
        <View
          className='report-tab__pending-row'
          role='button'
          onClick={() => void Taro.navigateTo({ url: `${composeUrl(refused[0].serviceCode)}&draftId=${encodeURIComponent(refused[0].id)}` })}
        >
          <Text className='report-tab__pending-text'>有 {refused.length} 条反映没能提交：{refused[0].lastError?.message ?? '请修改后再提交'}</Text>
          <Text className='report-tab__pending-action'>去修改 ›</Text>
        </View>
      ) : null}
      {pending.length > refused.length ? (
        <View className='report-tab__pending-row'>
          <Text className='report-tab__pending-text'>
            有 {pending.length - refused.length} 条反映{SAVED_OFFLINE_MESSAGE}
          </Text>
          <Button className='report-tab__retry' onClick={() => void retry()} disabled={retrying || undefined}>
            {retrying ? '正在提交…' : '现在提交'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function ReportPage() {
  const care = useCareMode()
  const [services, setServices] = useState<Service[] | null>(cachedServices())
  const [offline, setOffline] = useState(false)

  useDidShow(() => {
    loadServices()
      .then((loaded) => {
        setServices(loaded)
        setOffline(false)
      })
      .catch(() => {
        if (!cachedServices()) setOffline(true)
      })
  })

  const shown = services ?? (offline ? FALLBACK_SERVICES : null)

  return (
    <View className={`page report-tab ${care.className}`}>
      <Text className='report-tab__title'>有事您说话</Text>
      <Text className='report-tab__subtitle'>选一项，按住按钮说一说，或写几句、拍张照</Text>
      <PendingDrafts />
      {!shown ? <Text className='report-tab__info'>正在加载…</Text> : null}
      {offline && !services ? <Text className='report-tab__info'>网络不太好，也可以先反映，联网后自动提交</Text> : null}
      <View className='report-tab__cards'>
        {(shown ?? []).map((service) => {
          const icon = SERVICE_ICONS[service.code] ?? { glyph: service.name.slice(0, 1), tone: 'red' }
          return (
            <View
              key={service.code}
              className='report-tab__card'
              role='button'
              aria-label={service.name}
              hoverClass='report-tab__card--pressed'
              onClick={() => void Taro.navigateTo({ url: composeUrl(service.code) })}
            >
              <View className={`report-tab__icon report-tab__icon--${icon.tone}`}>{icon.glyph}</View>
              <View className='report-tab__card-body'>
                <Text className='report-tab__name'>{service.name}</Text>
                {service.description ? <Text className='report-tab__desc'>{service.description}</Text> : null}
              </View>
              <Text className='report-tab__arrow'>›</Text>
            </View>
          )
        })}
      </View>
      <View className='report-tab__mine' role='button' onClick={() => void Taro.navigateTo({ url: MY_REPORTS_URL })}>
        <Text>我反映过的问题</Text>
        <Text className='report-tab__arrow'>›</Text>
      </View>
    </View>
  )
}

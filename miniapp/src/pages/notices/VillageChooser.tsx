import { useEffect, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import BigButton from '../../components/BigButton'
import { ErrorBlock, LoadingBlock } from '../../components/EmptyState'
import { useRegions, type TownshipOption } from './regions'

import './VillageChooser.scss'

export interface VillageChooserProps {
  /** The village chosen so far (pre-selects its township). */
  value?: string | null
  confirmText?: string
  /** Saving: the confirm button shows 请稍候…. */
  busy?: boolean
  onConfirm: (villageCode: string) => void
}

function indexesOf(townships: TownshipOption[], code: string | null | undefined): [number, number] {
  for (let t = 0; t < townships.length; t += 1) {
    const v = townships[t].villages.findIndex((village) => village.code === code)
    if (v >= 0) return [t, v]
  }
  return [-1, -1]
}

/**
 * Choose a village in two steps, 乡镇 then 村（社区）, each a native picker with big rows.
 * (A stand-in until the shared VillagePicker component lands; same data: GET /regions?depth=village.)
 */
export default function VillageChooser({ value, confirmText = '确定', busy = false, onConfirm }: VillageChooserProps) {
  const regions = useRegions()
  const [township, setTownship] = useState(-1)
  const [village, setVillage] = useState(-1)

  useEffect(() => {
    const [t, v] = indexesOf(regions.townships, value)
    setTownship(t)
    setVillage(v)
  }, [regions.townships, value])

  if (regions.loading) return <LoadingBlock text='正在加载村（社区）列表…' />
  if (regions.error) return <ErrorBlock message={regions.error} onRetry={regions.reload} />

  const chosenTownship = township >= 0 ? regions.townships[township] : null
  const chosenVillage = chosenTownship && village >= 0 ? chosenTownship.villages[village] : null

  return (
    <View className='village-chooser'>
      <Text className='village-chooser__step'>第一步：选择乡镇</Text>
      <Picker
        mode='selector'
        range={regions.townships.map((option) => option.name)}
        value={Math.max(township, 0)}
        onChange={(event) => {
          setTownship(Number(event.detail.value))
          setVillage(-1)
        }}
      >
        <View className='village-chooser__field' role='button' aria-label='选择乡镇'>
          <Text className={chosenTownship ? 'village-chooser__value' : 'village-chooser__placeholder'}>{chosenTownship?.name ?? '点这里选择乡镇'}</Text>
          <Text className='village-chooser__arrow' aria-hidden='true'>
            ▾
          </Text>
        </View>
      </Picker>

      <Text className='village-chooser__step'>第二步：选择村（社区）</Text>
      {chosenTownship ? (
        <Picker
          mode='selector'
          range={chosenTownship.villages.map((option) => option.name)}
          value={Math.max(village, 0)}
          onChange={(event) => setVillage(Number(event.detail.value))}
        >
          <View className='village-chooser__field' role='button' aria-label='选择村（社区）'>
            <Text className={chosenVillage ? 'village-chooser__value' : 'village-chooser__placeholder'}>{chosenVillage?.name ?? '点这里选择村（社区）'}</Text>
            <Text className='village-chooser__arrow' aria-hidden='true'>
              ▾
            </Text>
          </View>
        </Picker>
      ) : (
        <View className='village-chooser__field village-chooser__field--waiting'>
          <Text className='village-chooser__placeholder'>请先选择乡镇</Text>
        </View>
      )}

      <BigButton
        icon='✅'
        label={confirmText}
        hint={chosenVillage && chosenTownship ? `${chosenTownship.name}${chosenVillage.name}` : '选好乡镇和村后点这里'}
        disabled={!chosenVillage}
        loading={busy}
        onClick={() => chosenVillage && onConfirm(chosenVillage.code)}
      />
    </View>
  )
}

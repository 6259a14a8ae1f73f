import { useCallback, useEffect, useState } from 'react'
import type { RegionNode } from '@minqing/shared'
import { getRegions } from '../../services/api'
import { toApiError } from '../../services/apiError'

export interface VillageOption {
  code: string
  name: string
}

export interface TownshipOption {
  code: string
  name: string
  villages: VillageOption[]
}

let tree: Promise<RegionNode[]> | null = null

/** The county → township → village tree, fetched once per app session (it rarely changes). */
export function loadRegionTree(): Promise<RegionNode[]> {
  if (!tree) {
    tree = getRegions('village').catch((error: unknown) => {
      tree = null
      throw error
    })
  }
  return tree
}

/** Townships that have villages, each with its villages, in the server's order. */
export function townshipsOf(nodes: readonly RegionNode[]): TownshipOption[] {
  const result: TownshipOption[] = []
  const walk = (node: RegionNode) => {
    if (node.level === 'township') {
      const villages = node.children.filter((child) => child.level === 'village').map(({ code, name }) => ({ code, name }))
      if (villages.length > 0) result.push({ code: node.code, name: node.name, villages })
      return
    }
    node.children.forEach(walk)
  }
  nodes.forEach(walk)
  return result
}

/** 城关镇五一村 for a village code; null when unknown. */
export function villageLabel(townships: readonly TownshipOption[], code: string | null | undefined): string | null {
  if (!code) return null
  for (const township of townships) {
    const village = township.villages.find((candidate) => candidate.code === code)
    if (village) return `${township.name}${village.name}`
  }
  return null
}

export interface Regions {
  townships: TownshipOption[]
  loading: boolean
  error: string | null
  reload(): void
}

export function useRegions(enabled = true): Regions {
  const [townships, setTownships] = useState<TownshipOption[]>([])
  const [loading, setLoading] = useState(enabled)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!enabled) return
    let alive = true
    setLoading(true)
    setError(null)
    loadRegionTree()
      .then((nodes) => {
        if (alive) setTownships(townshipsOf(nodes))
      })
      .catch((caught: unknown) => {
        if (alive) setError(toApiError(caught).message)
      })
      .finally(() => {
        if (alive) setLoading(false)
      })
    return () => {
      alive = false
    }
  }, [enabled, attempt])

  const reload = useCallback(() => setAttempt((value) => value + 1), [])
  return { townships, loading, error, reload }
}

import { QUEUE_TAB_NAMES, type QueueTabKey } from '@minqing/shared'

/** The 工作台's tiles: what waits for me, then everything in my scope. */
export const WORKBENCH_TABS = ['dispatched', 'accepted', 'due_soon', 'overdue', 'all'] as const satisfies readonly QueueTabKey[]
export type WorkbenchTab = (typeof WORKBENCH_TABS)[number]

export const tabName = (tab: WorkbenchTab): string => QUEUE_TAB_NAMES[tab]

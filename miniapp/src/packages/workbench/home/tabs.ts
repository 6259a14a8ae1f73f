import { QUEUE_TAB_NAMES, type QueueCounts, type QueueTabKey, type StaffRole } from '@minqing/shared';

/** The 工作台's tiles: what waits for me, everything in my scope, and the reports I filed for households. */
export const WORKBENCH_TABS = [
  'dispatched',
  'accepted',
  'due_soon',
  'overdue',
  'all',
  'filed',
] as const satisfies readonly QueueTabKey[];
export type WorkbenchTab = (typeof WORKBENCH_TABS)[number];

export const tabName = (tab: WorkbenchTab): string => QUEUE_TAB_NAMES[tab];

/** The people in the field file 代报; for anyone else 我代报的 shows only if they ever did. */
const FILERS: readonly StaffRole[] = ['grid_worker', 'cadre', 'liaison'];

export function tabsShown(role: StaffRole, counts: QueueCounts | null): WorkbenchTab[] {
  return WORKBENCH_TABS.filter((tab) => tab !== 'filed' || FILERS.includes(role) || (counts?.filed ?? 0) > 0);
}

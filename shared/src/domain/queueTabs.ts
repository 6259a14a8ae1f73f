/**
 * The work queue's tabs. The server turns each into one SQL condition
 * (server/src/http/staffReports/queueTabs.ts) and counts all of them in one request;
 * the panel only names them. "Open" means OPEN_STATUSES (待受理, 已派单, 处理中, 重办).
 *
 * - dispatched 待签收: waiting for the department to sign — status dispatched or reopened
 *   (a report the citizen sent back must be signed for again).
 * - accepted 处理中: status accepted.
 * - due_soon 即将超期: open, its resolve deadline not yet passed and at most DUE_SOON_HOURS away
 *   (now ≤ resolveDueAt < now + 24 h).
 * - overdue 已超期: open and past its resolve deadline — the same rule as the dashboard's
 *   "overdue now" (server/src/stats/figures.ts IS_OVERDUE for open reports), so a drill-down
 *   from the dashboard finds exactly the reports it counted.
 * - done 已办结: resolved or closed (rated).
 * - all 全部: no condition.
 * - submitted 待受理: status submitted (supervisors only; handlers never see undispatched reports).
 * - filed 我代报的: reports the signed-in staff member filed for a household (代报), in any status.
 */
export const QUEUE_TAB_KEYS = [
  'dispatched',
  'accepted',
  'due_soon',
  'overdue',
  'done',
  'all',
  'submitted',
  'filed',
] as const;
export type QueueTabKey = (typeof QUEUE_TAB_KEYS)[number];

export const QUEUE_TAB_NAMES: Record<QueueTabKey, string> = {
  dispatched: '待签收',
  accepted: '处理中',
  due_soon: '即将超期',
  overdue: '已超期',
  done: '已办结',
  all: '全部',
  submitted: '待受理',
  filed: '我代报的',
};

/** 即将超期: the resolve deadline falls within this many hours from now. */
export const DUE_SOON_HOURS = 24;

/**
 * The dashboard's figures a queue can list exactly (drill-down). `backlog` is every open report
 * now; the others are the reports a period counts (server/src/stats/figures.ts IN_COHORT, by
 * dispatch day) that meet the figure's condition, and need the period's days.
 */
export const QUEUE_FIGURES = [
  'backlog',
  'received',
  'responded',
  'resolved',
  'resolvedOnTime',
  'rated',
  'satisfied',
  'overdue',
  'repeatComplaints',
] as const;
export type QueueFigure = (typeof QUEUE_FIGURES)[number];
export const QUEUE_FIGURE_NAMES: Record<QueueFigure, string> = {
  backlog: '待办积压',
  received: '受理',
  responded: '按时签收',
  resolved: '办结',
  resolvedOnTime: '按时办结',
  rated: '已评价',
  satisfied: '满意',
  overdue: '超期',
  repeatComplaints: '重复投诉',
};

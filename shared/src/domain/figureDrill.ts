import type { QueueFigure } from './queueTabs';

/** The figure cards of the staff dashboard (server/src/stats/overview.ts, figures.ts). */
export type FigureKey =
  | 'todaySubmitted'
  | 'todayReceived'
  | 'backlog'
  | 'overdueNow'
  | 'received'
  | 'responseRate'
  | 'resolved'
  | 'resolvedRate'
  | 'onTimeRate'
  | 'satisfactionRate'
  | 'overdue'
  | 'returns'
  | 'repeatComplaints';

/** Work-queue link parameters (server/admin/src/queue/queueQuery.ts, the link contract). */
export type DrillQuery = Record<string, string | undefined>;

/**
 * Which queue rows a period figure counts: a count opens its own rows, a rate its numerator
 * (the hint beside it names the denominator).
 */
const PERIOD_FIGURES: Partial<Record<FigureKey, QueueFigure>> = {
  received: 'received',
  responseRate: 'responded',
  resolved: 'resolved',
  resolvedRate: 'resolved',
  onTimeRate: 'resolvedOnTime',
  satisfactionRate: 'satisfied',
  overdue: 'overdue',
  repeatComplaints: 'repeatComplaints',
};

/**
 * Drill-down: a figure card → the work queue listing exactly the reports it counted, so the
 * queue's total is the figure (server/src/http/staffReports/dashboardDrill.test.ts checks each
 * one). `today` is the overview's China calendar day. Null for 退单, which counts events (a
 * report returned twice counts twice), not reports.
 */
export function figureDrill(figure: FigureKey, period: { from: string; to: string }, today: string): DrillQuery | null {
  switch (figure) {
    // Submitted today: the queue's date filter is the submission day.
    case 'todaySubmitted':
      return { tab: 'all', from: today, to: today };
    // Received by a department today: the period's rule on one day.
    case 'todayReceived':
      return { tab: 'all', figure: 'received', periodFrom: today, periodTo: today };
    case 'backlog':
      return { tab: 'all', figure: 'backlog' };
    // The 已超期 tab is the same rule as "overdue now".
    case 'overdueNow':
      return { tab: 'overdue' };
    case 'returns':
      return null;
    default: {
      const counted = PERIOD_FIGURES[figure];
      return counted ? { tab: 'all', figure: counted, periodFrom: period.from, periodTo: period.to } : null;
    }
  }
}

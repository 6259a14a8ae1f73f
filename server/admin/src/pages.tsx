import type { StaffMe } from '@minqing/shared';
import type { ComponentType } from 'react';
import { StaffAccounts } from './accounts/StaffAccounts';
import { AuditLog } from './audit/AuditLog';
import { ConfigPage } from './config/ConfigPage';
import { ContentPage } from './content/ContentPage';
import { Dashboard } from './dashboard/Dashboard';
import { HouseholdsPage } from './households/HouseholdsPage';
import { PayoutsPage } from './payouts/PayoutsPage';
import { PointsPage } from './points/PointsPage';
import { WorkQueue } from './queue/WorkQueue';
import { ReplyTemplates } from './templates/ReplyTemplates';
import { TriageQueue } from './triage/TriageQueue';

/** What every screen gets: who is signed in, and the query of its hash (`#/queue?tab=overdue`). */
export interface PageProps {
  staff: StaffMe;
  query: URLSearchParams;
}

/** The screen behind each menu key (menu.ts says who may open it). */
export const PAGES: Record<string, ComponentType<PageProps>> = {
  queue: WorkQueue,
  triage: TriageQueue,
  stats: Dashboard,
  notices: (props) => <ContentPage kind="notice" {...props} />,
  articles: (props) => <ContentPage kind="article" {...props} />,
  templates: ReplyTemplates,
  config: ConfigPage,
  accounts: StaffAccounts,
  audit: AuditLog,
  points: PointsPage,
  payouts: PayoutsPage,
  households: HouseholdsPage,
};

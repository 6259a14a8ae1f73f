import type { StaffMe } from '@minqing/shared';
import { type ComponentType, lazy } from 'react';
import { preloadable } from './preloadable';

/** Each screen is its own chunk, fetched when the clerk first opens it. */
const screen = <K extends string>(load: () => Promise<Record<K, ComponentType<PageProps>>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

/** The work queue is where most staff land after signing in: its code is fetched while they sign in. */
export const workQueue = preloadable(() => import('./queue/WorkQueue').then((module) => module.WorkQueue));
const TriageQueue = screen(() => import('./triage/TriageQueue'), 'TriageQueue');
const Dashboard = screen(() => import('./dashboard/Dashboard'), 'Dashboard');
const ContentPage = lazy(() => import('./content/ContentPage').then((module) => ({ default: module.ContentPage })));
const ReplyTemplates = screen(() => import('./templates/ReplyTemplates'), 'ReplyTemplates');
const ConfigPage = screen(() => import('./config/ConfigPage'), 'ConfigPage');
const StaffAccounts = screen(() => import('./accounts/StaffAccounts'), 'StaffAccounts');
const AuditLog = screen(() => import('./audit/AuditLog'), 'AuditLog');
const PointsPage = screen(() => import('./points/PointsPage'), 'PointsPage');
const PayoutsPage = screen(() => import('./payouts/PayoutsPage'), 'PayoutsPage');
const HouseholdsPage = screen(() => import('./households/HouseholdsPage'), 'HouseholdsPage');
const PartnersPage = screen(() => import('./partners/PartnersPage'), 'PartnersPage');

/** What every screen gets: who is signed in, and the query of its hash (`#/queue?tab=overdue`). */
export interface PageProps {
  staff: StaffMe;
  query: URLSearchParams;
}

/** The screen behind each menu key (menu.ts says who may open it). */
export const PAGES: Record<string, ComponentType<PageProps>> = {
  queue: workQueue.Component,
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
  partners: PartnersPage,
};

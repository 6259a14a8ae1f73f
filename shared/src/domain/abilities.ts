/**
 * What a staff account may do, as the server decides it from its policies (server/src/policies/abilities.ts)
 * and sends with the account (`StaffMe.abilities`). Clients show menus and buttons from these, never
 * from role lists of their own; the server still checks every request.
 */
export const STAFF_ABILITIES = [
  /** the work queue: reports of one's scope */
  'queue',
  /** 分派: triage, bulk dispatch and merging */
  'triage',
  /** statistics, rankings and their export */
  'stats',
  /** 研判简报: the weekly briefs of one's region */
  'briefs',
  /** publish notices */
  'notices',
  /** publish articles */
  'articles',
  /** manage reply templates */
  'templates',
  /** regions, departments, categories, services, holidays, routing rules */
  'config',
  /** staff accounts */
  'accounts',
  /** the audit log */
  'audit',
  /** 积分: the village shop or the points rules */
  'points',
  /** rewards and subsidies in cash */
  'payouts',
  /** the household roster */
  'households',
  /** 代报: report for a household */
  'file_on_behalf',
  /** log visits (走访) */
  'visit',
  /** 内容审核 */
  'moderate',
  /** 走访督导: supervision of grids and 三线 members */
  'supervise',
  /** Open311 partner keys */
  'partners',
] as const;
export type StaffAbility = (typeof STAFF_ABILITIES)[number];

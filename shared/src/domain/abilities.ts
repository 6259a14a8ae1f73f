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
  /** the village shop: items, stock, redemptions, volunteer points and the ledger of one's region */
  'shop',
  /** how many points each good deed earns (county-wide) */
  'point_rules',
  /** rewards and subsidies in cash */
  'payouts',
  /** the household roster */
  'households',
  /** add households to the roster by hand */
  'edit_households',
  /** import households from a spreadsheet */
  'import_households',
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
  /** the routing classifier in use and its retraining history */
  'routing_model',
] as const;
export type StaffAbility = (typeof STAFF_ABILITIES)[number];

/**
 * The policy that guards a staff route: an ability, `anyStaff` for what every signed-in staff
 * member may call (their messages, binding WeChat), or `ownAccount` for the caller's own session
 * and password, reachable even while a password an administrator set is still to be changed.
 */
export const STAFF_POLICIES = [...STAFF_ABILITIES, 'anyStaff', 'ownAccount'] as const;
export type StaffPolicy = (typeof STAFF_POLICIES)[number];

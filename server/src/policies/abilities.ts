import {
  ACCOUNT_MANAGER_ROLES,
  STAFF_ABILITIES,
  STAFF_ROLES,
  type StaffAbility,
  type StaffPolicy,
  type StaffRole,
} from '@minqing/shared';
import { AUDIT_READERS } from './audit';
import { BRIEF_ROLES } from './briefs';
import { CONFIG_EDITORS, MODEL_READERS } from './config';
import { ARTICLE_PUBLISHER_ROLES, PUBLISHER_ROLES } from './content';
import {
  HOUSEHOLD_EDITOR_ROLES,
  HOUSEHOLD_IMPORTER_ROLES,
  HOUSEHOLD_VIEWER_ROLES,
  SUPERVISOR_ROLES,
  VISITOR_ROLES,
} from './household';
import { MODERATORS } from './moderation';
import { PARTNER_MANAGERS } from './partner';
import { CASH_STAFF } from './payout';
import { POINT_RULE_EDITORS, SHOP_KEEPERS } from './points';
import { TEMPLATE_EDITOR_ROLES } from './replyTemplate';
import { DISPATCH_ROLES, ON_BEHALF_ROLES } from './report';
import { REPORT_WORKER_ROLES } from './reportScope';
import { STATS_ROLES } from './stats';

/**
 * The roles each ability is granted to. Every staff route names its ability in its contract
 * (shared/src/contracts) and is guarded with this list (http/implement.ts), so what a client is
 * told an account may do and what the server lets it do are the same list.
 */
const GRANTED_TO: Record<StaffAbility, readonly StaffRole[]> = {
  queue: REPORT_WORKER_ROLES,
  triage: DISPATCH_ROLES,
  stats: STATS_ROLES,
  briefs: BRIEF_ROLES,
  notices: PUBLISHER_ROLES,
  articles: ARTICLE_PUBLISHER_ROLES,
  templates: TEMPLATE_EDITOR_ROLES,
  config: CONFIG_EDITORS,
  accounts: ACCOUNT_MANAGER_ROLES,
  audit: AUDIT_READERS,
  points: [...SHOP_KEEPERS, ...POINT_RULE_EDITORS],
  shop: SHOP_KEEPERS,
  point_rules: POINT_RULE_EDITORS,
  payouts: CASH_STAFF,
  households: HOUSEHOLD_VIEWER_ROLES,
  edit_households: HOUSEHOLD_EDITOR_ROLES,
  import_households: HOUSEHOLD_IMPORTER_ROLES,
  file_on_behalf: ON_BEHALF_ROLES,
  visit: VISITOR_ROLES,
  moderate: MODERATORS,
  supervise: SUPERVISOR_ROLES,
  partners: PARTNER_MANAGERS,
  routing_model: MODEL_READERS,
};

/** The roles a staff route's policy admits: an ability's roles, or every role for `anyStaff` and `ownAccount`. */
export function rolesAdmittedBy(policy: StaffPolicy): readonly StaffRole[] {
  return policy === 'anyStaff' || policy === 'ownAccount' ? STAFF_ROLES : GRANTED_TO[policy];
}

/** What an account of this role may do, sent with the account so clients follow the server. */
export function abilitiesOf(role: StaffRole): StaffAbility[] {
  return STAFF_ABILITIES.filter((ability) => GRANTED_TO[ability].includes(role));
}

import type { ReportStatus, Role, Tier } from './enums';

/**
 * The report life cycle as data: who may do what from which state, and what follows.
 * The server enforces it; the clients only display what it allows.
 */
export const STAFF_ACTIONS = [
  'assign',
  'sign',
  'reply',
  'resolve',
  'return',
  'transfer',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'escalate',
  'reject',
  'merge',
  'resolve_on_spot',
  'rate_on_behalf',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export const CITIZEN_ACTIONS = ['rate', 'dispute', 'supplement'] as const;
export type CitizenAction = (typeof CITIZEN_ACTIONS)[number];

/** Taken by the server itself (routing, the deadline scheduler); `escalate` is also one, see `bySystem`. */
export const SYSTEM_ACTIONS = ['route', 'auto_close', 'remind', 'share_outcome'] as const;
export type SystemAction = (typeof SYSTEM_ACTIONS)[number];

/** Still being handled (待受理, 已派单, 处理中, 重办): can be merged, escalated, reminded, and become overdue. */
export const OPEN_STATUSES: readonly ReportStatus[] = ['submitted', 'dispatched', 'accepted', 'reopened'];

export function isOpenStatus(status: ReportStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export type ReportAction = StaffAction | CitizenAction | SystemAction;
/** Every event a report's timeline can hold: the submission plus one per action. */
export type ReportEventType = 'submitted' | ReportAction;

export const ACTION_NAMES: Record<ReportAction, string> = {
  assign: '派单',
  sign: '签收',
  reply: '答复',
  resolve: '办结',
  return: '退单',
  transfer: '转派',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  refuse_extension: '不同意延期',
  escalate: '督办',
  reject: '不予受理',
  merge: '合并',
  resolve_on_spot: '就地办结',
  rate_on_behalf: '回访评价',
  rate: '评价',
  dispute: '要求重办',
  supplement: '补充说明',
  route: '自动分派',
  auto_close: '自动办结',
  remind: '催办',
  share_outcome: '合并办结',
};

/** Fields an action needs beyond its name; the shared schemas enforce them too. */
export type ActionRequirement = 'note' | 'departmentId' | 'targetReportId' | 'extensionDays' | 'score' | 'photos';

type Target = ReportStatus | 'same' | 'byScore';

interface ActionRule {
  from: readonly ReportStatus[];
  to: Target;
  roles: readonly Role[];
  /** Whether the server may take it on its own (routing, the deadline scheduler). */
  bySystem?: boolean;
  /** Whether the citizen sees the resulting event on the public timeline. */
  public: boolean;
  requires: readonly ActionRequirement[];
}

const HANDLERS: readonly Role[] = ['handler', 'cadre'];
const SUPERVISORS: readonly Role[] = ['dispatcher', 'county'];
/** 小事不出村: the people in the field who may settle a 一般 matter on the spot. */
const FIELD: readonly Role[] = ['grid_worker', 'cadre'];

const RULES: Record<ReportAction, ActionRule> = {
  assign: {
    from: ['submitted', 'reopened'],
    to: 'dispatched',
    roles: SUPERVISORS,
    public: true,
    requires: ['departmentId'],
  },
  route: { from: ['submitted'], to: 'dispatched', roles: [], bySystem: true, public: true, requires: ['departmentId'] },
  sign: { from: ['dispatched', 'reopened'], to: 'accepted', roles: HANDLERS, public: true, requires: [] },
  reply: { from: ['accepted'], to: 'same', roles: HANDLERS, public: true, requires: ['note'] },
  resolve: { from: ['accepted'], to: 'resolved', roles: HANDLERS, public: true, requires: ['note'] },
  return: {
    from: ['dispatched', 'accepted', 'reopened'],
    to: 'submitted',
    roles: HANDLERS,
    public: false,
    requires: ['note'],
  },
  transfer: {
    from: ['dispatched', 'accepted', 'reopened'],
    to: 'dispatched',
    roles: SUPERVISORS,
    public: true,
    requires: ['departmentId'],
  },
  request_extension: {
    from: ['dispatched', 'accepted'],
    to: 'same',
    roles: HANDLERS,
    public: false,
    requires: ['note', 'extensionDays'],
  },
  approve_extension: { from: ['dispatched', 'accepted'], to: 'same', roles: SUPERVISORS, public: true, requires: [] },
  refuse_extension: {
    from: ['dispatched', 'accepted'],
    to: 'same',
    roles: SUPERVISORS,
    public: false,
    requires: ['note'],
  },
  // The scheduler escalates overdue reports (督办) the same way a supervisor does.
  escalate: { from: OPEN_STATUSES, to: 'same', roles: SUPERVISORS, bySystem: true, public: false, requires: ['note'] },
  reject: {
    from: ['submitted', 'dispatched', 'reopened'],
    to: 'rejected',
    roles: SUPERVISORS,
    public: true,
    requires: ['note'],
  },
  merge: { from: OPEN_STATUSES, to: 'merged', roles: SUPERVISORS, public: true, requires: ['targetReportId'] },
  // Signed and resolved in one step, with a note and a photo of the result; only a 一般 matter (see contextAllows).
  resolve_on_spot: { from: OPEN_STATUSES, to: 'resolved', roles: FIELD, public: true, requires: ['note', 'photos'] },
  // 回访评价: after a return visit the filer of a 代报 records the household's rating (the server checks who filed it).
  rate_on_behalf: {
    from: ['resolved', 'closed'],
    to: 'byScore',
    roles: FIELD,
    public: true,
    requires: ['score', 'note'],
  },
  rate: { from: ['resolved', 'closed'], to: 'byScore', roles: ['citizen'], public: true, requires: ['score'] },
  dispute: { from: ['resolved', 'closed'], to: 'reopened', roles: ['citizen'], public: true, requires: ['note'] },
  supplement: {
    from: [...OPEN_STATUSES, 'resolved'],
    to: 'same',
    roles: ['citizen'],
    public: true,
    requires: ['note'],
  },
  auto_close: { from: ['resolved'], to: 'closed', roles: [], bySystem: true, public: true, requires: [] },
  // 催办: a reminder to the department before a deadline; only reports with a department have one.
  remind: {
    from: ['dispatched', 'accepted', 'reopened'],
    to: 'same',
    roles: [],
    bySystem: true,
    public: false,
    requires: [],
  },
  // A report merged into another is answered when that one is resolved, and can then be rated.
  share_outcome: { from: ['merged'], to: 'resolved', roles: [], bySystem: true, public: true, requires: ['note'] },
};

/** A rating at or below this score reopens the report. */
export const REOPEN_SCORE_MAX = 2;

export interface TransitionContext {
  /** The report already carries a rating (a report is rated once). */
  rated?: boolean;
  /** An extension has been requested and not yet approved or refused. */
  extensionPending?: boolean;
  /** The resolve deadline has passed: an extension must be asked for before it. */
  resolveDuePassed?: boolean;
  /** The rating given with a `rate` action. */
  score?: number;
  /** The report's tier: only a 一般 matter is settled on the spot. */
  tier?: Tier;
}

export function isPublicEvent(type: ReportEventType): boolean {
  return type === 'submitted' || RULES[type].public;
}

export function actionRequirements(action: ReportAction): readonly ActionRequirement[] {
  return RULES[action].requires;
}

/** Whether `role` may perform `action` on a report in `status`; scope is checked by the server's policies. */
export function canPerform(
  role: Role | 'system',
  action: ReportAction,
  status: ReportStatus,
  ctx: TransitionContext = {},
): boolean {
  const rule = RULES[action];
  const roleAllowed = role === 'system' ? rule.bySystem === true : rule.roles.includes(role);
  return roleAllowed && stateAllows(action, status, ctx);
}

/** Whether a report in `status` (and `ctx`) allows `action` at all, whoever asks: a refusal here is 409, not 403. */
export function stateAllows(action: ReportAction, status: ReportStatus, ctx: TransitionContext = {}): boolean {
  return RULES[action].from.includes(status) && contextAllows(action, ctx);
}

/** The conditions beyond role and status, the same for every actor. */
function contextAllows(action: ReportAction, ctx: TransitionContext): boolean {
  if ((action === 'rate' || action === 'rate_on_behalf') && ctx.rated) return false;
  if ((action === 'approve_extension' || action === 'refuse_extension') && !ctx.extensionPending) return false;
  if (action === 'request_extension' && (ctx.extensionPending || ctx.resolveDuePassed)) return false;
  if (action === 'resolve_on_spot' && ctx.tier !== 'general') return false;
  return true;
}

/** The status a report moves to; throws when the transition is not allowed from `status`. */
export function nextStatus(action: ReportAction, status: ReportStatus, ctx: TransitionContext = {}): ReportStatus {
  const rule = RULES[action];
  if (!rule.from.includes(status)) {
    throw new Error(`action ${action} is not allowed from status ${status}`);
  }
  if (rule.to === 'same') return status;
  if (rule.to === 'byScore') {
    if (ctx.score === undefined) throw new Error(`${action} needs a score`);
    return ctx.score <= REOPEN_SCORE_MAX ? 'reopened' : 'closed';
  }
  return rule.to;
}

/** The actions `role` may take now: sent with every report so clients never re-derive them. */
export function allowedActions(role: Role, status: ReportStatus, ctx: TransitionContext = {}): ReportAction[] {
  return (Object.keys(RULES) as ReportAction[]).filter((action) => canPerform(role, action, status, ctx));
}

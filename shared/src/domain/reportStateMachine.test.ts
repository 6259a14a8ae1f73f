import { REPORT_STATUSES } from './enums';
import {
  ACTION_NAMES,
  STAFF_ACTIONS,
  actionRequirements,
  allowedActions,
  canPerform,
  OPEN_STATUSES,
  isOpenStatus,
  isPublicEvent,
  nextStatus,
  stateAllows,
} from './reportStateMachine';

describe('report state machine', () => {
  it('walks the closed loop 反映 → 响应 → 处理 → 反馈 → 评价', () => {
    let status = nextStatus('assign', 'submitted');
    expect(status).toBe('dispatched');
    status = nextStatus('sign', status);
    expect(status).toBe('accepted');
    expect(nextStatus('reply', status)).toBe('accepted');
    status = nextStatus('resolve', status);
    expect(status).toBe('resolved');
    expect(nextStatus('rate', status, { score: 5 })).toBe('closed');
  });

  it('reopens on a rating of two or less and on a dispute', () => {
    expect(nextStatus('rate', 'resolved', { score: 2 })).toBe('reopened');
    expect(nextStatus('rate', 'resolved', { score: 1 })).toBe('reopened');
    expect(nextStatus('rate', 'resolved', { score: 3 })).toBe('closed');
    expect(nextStatus('dispute', 'closed')).toBe('reopened');
    expect(() => nextStatus('rate', 'resolved')).toThrow('score');
  });

  it('sends a returned report back to triage and a reopened one to the department again', () => {
    expect(nextStatus('return', 'accepted')).toBe('submitted');
    expect(nextStatus('sign', 'reopened')).toBe('accepted');
    expect(nextStatus('assign', 'reopened')).toBe('dispatched');
  });

  it('refuses transitions from states that do not allow them', () => {
    expect(() => nextStatus('resolve', 'dispatched')).toThrow('not allowed');
    expect(() => nextStatus('sign', 'closed')).toThrow('not allowed');
    for (const action of STAFF_ACTIONS) {
      expect(canPerform('county', action, 'merged')).toBe(false);
      expect(canPerform('county', action, 'rejected')).toBe(false);
    }
  });

  it('gives each role its own actions', () => {
    expect(canPerform('handler', 'sign', 'dispatched')).toBe(true);
    expect(canPerform('dispatcher', 'sign', 'dispatched')).toBe(false);
    expect(canPerform('dispatcher', 'assign', 'submitted')).toBe(true);
    expect(canPerform('handler', 'assign', 'submitted')).toBe(false);
    expect(canPerform('citizen', 'rate', 'resolved')).toBe(true);
    expect(canPerform('handler', 'rate', 'resolved')).toBe(false);
    expect(canPerform('sysadmin', 'reject', 'submitted')).toBe(false);
    expect(canPerform('system', 'route', 'submitted')).toBe(true);
    expect(canPerform('dispatcher', 'route', 'submitted')).toBe(false);
  });

  it('lets the field settle a 一般 matter on the spot (小事不出村), with a note and a photo', () => {
    for (const status of ['submitted', 'dispatched', 'accepted', 'reopened'] as const) {
      expect(canPerform('grid_worker', 'resolve_on_spot', status, { tier: 'general' })).toBe(true);
      expect(canPerform('cadre', 'resolve_on_spot', status, { tier: 'general' })).toBe(true);
    }
    expect(canPerform('grid_worker', 'resolve_on_spot', 'accepted', { tier: 'difficult' })).toBe(false);
    expect(canPerform('cadre', 'resolve_on_spot', 'dispatched', { tier: 'major' })).toBe(false);
    expect(canPerform('grid_worker', 'resolve_on_spot', 'accepted')).toBe(false);
    expect(canPerform('handler', 'resolve_on_spot', 'accepted', { tier: 'general' })).toBe(false);
    expect(canPerform('dispatcher', 'resolve_on_spot', 'submitted', { tier: 'general' })).toBe(false);
    expect(canPerform('grid_worker', 'resolve_on_spot', 'resolved', { tier: 'general' })).toBe(false);
    expect(nextStatus('resolve_on_spot', 'submitted')).toBe('resolved');
    expect(actionRequirements('resolve_on_spot')).toEqual(['note', 'photos']);
    expect(isPublicEvent('resolve_on_spot')).toBe(true);
    expect(allowedActions('grid_worker', 'dispatched', { tier: 'general' })).toEqual(['resolve_on_spot']);
  });

  it("lets the field record a household's rating after a return visit (回访评价), once", () => {
    expect(canPerform('grid_worker', 'rate_on_behalf', 'resolved')).toBe(true);
    expect(canPerform('cadre', 'rate_on_behalf', 'closed')).toBe(true);
    expect(canPerform('grid_worker', 'rate_on_behalf', 'closed', { rated: true })).toBe(false);
    expect(canPerform('handler', 'rate_on_behalf', 'resolved')).toBe(false);
    expect(canPerform('grid_worker', 'rate_on_behalf', 'accepted')).toBe(false);
    expect(canPerform('citizen', 'rate', 'resolved', { rated: true })).toBe(false);
    expect(nextStatus('rate_on_behalf', 'resolved', { score: 5 })).toBe('closed');
    expect(nextStatus('rate_on_behalf', 'resolved', { score: 2 })).toBe('reopened');
    expect(actionRequirements('rate_on_behalf')).toEqual(['score', 'note']);
  });

  it('rates once, and approves only a pending extension', () => {
    expect(canPerform('citizen', 'rate', 'closed', { rated: true })).toBe(false);
    expect(canPerform('citizen', 'rate', 'closed', { rated: false })).toBe(true);
    expect(canPerform('dispatcher', 'approve_extension', 'accepted', { extensionPending: false })).toBe(false);
    expect(canPerform('dispatcher', 'approve_extension', 'accepted', { extensionPending: true })).toBe(true);
    expect(canPerform('handler', 'request_extension', 'accepted', { extensionPending: true })).toBe(false);
  });

  it('refuses a pending extension only, with a note, off the public timeline', () => {
    expect(canPerform('dispatcher', 'refuse_extension', 'accepted', { extensionPending: true })).toBe(true);
    expect(canPerform('county', 'refuse_extension', 'dispatched', { extensionPending: true })).toBe(true);
    expect(canPerform('dispatcher', 'refuse_extension', 'accepted', { extensionPending: false })).toBe(false);
    expect(canPerform('handler', 'refuse_extension', 'accepted', { extensionPending: true })).toBe(false);
    expect(nextStatus('refuse_extension', 'accepted')).toBe('accepted');
    expect(actionRequirements('refuse_extension')).toContain('note');
    expect(isPublicEvent('refuse_extension')).toBe(false);
  });

  it('takes extension requests only before the resolve deadline', () => {
    expect(canPerform('handler', 'request_extension', 'accepted', { resolveDuePassed: false })).toBe(true);
    expect(canPerform('handler', 'request_extension', 'accepted', { resolveDuePassed: true })).toBe(false);
    expect(allowedActions('handler', 'accepted', { resolveDuePassed: true })).not.toContain('request_extension');
  });

  it('lets the scheduler remind, escalate and auto-close, and nobody else remind', () => {
    expect(canPerform('system', 'remind', 'dispatched')).toBe(true);
    expect(canPerform('system', 'remind', 'accepted')).toBe(true);
    expect(canPerform('system', 'remind', 'submitted')).toBe(false);
    expect(canPerform('system', 'remind', 'resolved')).toBe(false);
    expect(canPerform('dispatcher', 'remind', 'accepted')).toBe(false);
    expect(nextStatus('remind', 'accepted')).toBe('accepted');
    expect(isPublicEvent('remind')).toBe(false);
    expect(canPerform('system', 'escalate', 'accepted')).toBe(true);
    expect(canPerform('system', 'escalate', 'resolved')).toBe(false);
    expect(canPerform('county', 'escalate', 'accepted')).toBe(true);
    expect(canPerform('handler', 'escalate', 'accepted')).toBe(false);
    expect(canPerform('system', 'auto_close', 'resolved')).toBe(true);
    expect(nextStatus('auto_close', 'resolved')).toBe('closed');
    expect(isPublicEvent('auto_close')).toBe(true);
    expect(canPerform('system', 'sign', 'dispatched')).toBe(false);
    expect(canPerform('system', 'refuse_extension', 'accepted', { extensionPending: true })).toBe(false);
  });

  it('names every action for the timeline', () => {
    expect(ACTION_NAMES.remind).toBe('催办');
    expect(ACTION_NAMES.refuse_extension).toBe('不同意延期');
    expect(ACTION_NAMES.auto_close).toBe('自动办结');
  });

  it('lists allowed actions for clients', () => {
    expect(allowedActions('handler', 'accepted')).toEqual(['reply', 'resolve', 'return', 'request_extension']);
    expect(allowedActions('citizen', 'resolved')).toEqual(['rate', 'dispute', 'supplement']);
    expect(allowedActions('citizen', 'rejected')).toEqual([]);
  });

  it('keeps returns, extension requests and escalations off the public timeline', () => {
    expect(isPublicEvent('submitted')).toBe(true);
    expect(isPublicEvent('reply')).toBe(true);
    expect(isPublicEvent('return')).toBe(false);
    expect(isPublicEvent('request_extension')).toBe(false);
    expect(isPublicEvent('escalate')).toBe(false);
  });

  it('names what each action needs', () => {
    expect(actionRequirements('return')).toContain('note');
    expect(actionRequirements('reject')).toContain('note');
    expect(actionRequirements('assign')).toContain('departmentId');
    expect(actionRequirements('merge')).toContain('targetReportId');
  });

  it('covers every status with at least one way in or out', () => {
    for (const status of REPORT_STATUSES) {
      const leaving =
        allowedActions('county', status).length +
        allowedActions('handler', status).length +
        allowedActions('citizen', status).length;
      const terminal = status === 'merged' || status === 'rejected';
      expect(leaving > 0).toBe(!terminal);
    }
  });

  it("tells a state's refusal (409) apart from a role's (403)", () => {
    expect(stateAllows('sign', 'dispatched')).toBe(true);
    expect(canPerform('county', 'sign', 'dispatched')).toBe(false);
    expect(stateAllows('sign', 'resolved')).toBe(false);
    expect(stateAllows('resolve_on_spot', 'accepted', { tier: 'major' })).toBe(false);
    expect(stateAllows('resolve_on_spot', 'accepted', { tier: 'general' })).toBe(true);
  });

  it('names the open statuses once: those a report can still be merged, escalated or settled from', () => {
    expect(REPORT_STATUSES.filter(isOpenStatus)).toEqual([...OPEN_STATUSES]);
    for (const status of REPORT_STATUSES) expect(stateAllows('merge', status)).toBe(isOpenStatus(status));
  });
});

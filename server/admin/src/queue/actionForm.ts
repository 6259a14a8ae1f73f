import { ACTION_NAMES, ReportActionRequestSchema } from '@minqing/shared';
import type { ReportActionRequest } from '@minqing/shared';

/** The actions this panel offers so far; others the server allows are listed but not yet offered. */
export const SUPPORTED_ACTIONS = ['assign', 'sign', 'reply', 'resolve', 'return', 'reject', 'escalate', 'approve_extension'] as const;
export type SupportedAction = (typeof SUPPORTED_ACTIONS)[number];

export function isSupportedAction(action: string): action is SupportedAction {
  return (SUPPORTED_ACTIONS as readonly string[]).includes(action);
}

export interface ActionFormValues {
  note?: string;
  departmentId?: string;
  categoryCode?: string;
}

/** What the note field is called for each action, and whether it must be filled in. */
export const NOTE_FIELD: Record<SupportedAction, { label: string; required: boolean }> = {
  assign: { label: '派单说明', required: false },
  sign: { label: '签收备注', required: false },
  reply: { label: '答复内容', required: true },
  resolve: { label: '办理结果', required: true },
  return: { label: '退单原因', required: true },
  reject: { label: '不予受理原因', required: true },
  escalate: { label: '督办意见', required: true },
  approve_extension: { label: '审批意见', required: false },
};

export function actionName(action: string): string {
  return (ACTION_NAMES as Record<string, string>)[action] ?? action;
}

export type ActionValidation =
  | { ok: true; request: ReportActionRequest }
  | { ok: false; errors: { field: keyof ActionFormValues; message: string }[] };

/**
 * The form's values → the request body, checked with the same schema the server uses
 * (ReportActionRequestSchema), so a return without a reason never leaves the browser.
 */
export function buildActionRequest(action: SupportedAction, values: ActionFormValues): ActionValidation {
  const note = values.note?.trim() ? values.note.trim() : undefined;
  const body: Record<string, unknown> = { action };
  if (note !== undefined || NOTE_FIELD[action].required) body.note = note ?? '';
  if (action === 'assign') {
    body.departmentId = values.departmentId ?? '';
    if (values.categoryCode) body.categoryCode = values.categoryCode;
  }
  const parsed = ReportActionRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? 'note') as keyof ActionFormValues;
    const message =
      field === 'note' && note === undefined
        ? `请填写${NOTE_FIELD[action].label}`
        : field === 'departmentId' && !values.departmentId
          ? '请选择承办部门'
          : issue.message;
    return { field, message };
  });
  return { ok: false, errors };
}

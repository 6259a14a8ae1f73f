import { ACTION_NAMES, LIMITS, ReportActionRequestSchema, STAFF_ACTIONS } from '@minqing/shared';
import type { ReportActionRequest, StaffAction } from '@minqing/shared';

/**
 * Every action the state machine gives staff has a form here but 回访评价, which the filer of a
 * 代报 records from the 工作台 after a return visit; the server says which are allowed now.
 */
export type SupportedAction = Exclude<StaffAction, 'rate_on_behalf'>;
export const SUPPORTED_ACTIONS = STAFF_ACTIONS.filter(
  (action): action is SupportedAction => action !== 'rate_on_behalf',
);

export function isSupportedAction(action: string): action is SupportedAction {
  return (SUPPORTED_ACTIONS as readonly string[]).includes(action);
}

export interface ActionFormValues {
  note?: string;
  departmentId?: string;
  categoryCode?: string;
  extensionDays?: number | null;
  targetReportId?: string;
  photoUploadIds?: string[];
}

/** The form fields whose errors are shown in place (the server's `field` is one of them). */
export const ACTION_FIELDS = [
  'note',
  'departmentId',
  'categoryCode',
  'extensionDays',
  'targetReportId',
  'photoUploadIds',
] as const satisfies readonly (keyof ActionFormValues)[];

/** What the note field is called for each action, and whether it must be filled in. */
export const NOTE_FIELD: Record<SupportedAction, { label: string; required: boolean }> = {
  assign: { label: '派单说明', required: false },
  sign: { label: '签收备注', required: false },
  reply: { label: '答复内容', required: true },
  resolve: { label: '办理结果', required: true },
  return: { label: '退单原因', required: true },
  transfer: { label: '转派说明', required: false },
  request_extension: { label: '延期理由', required: true },
  approve_extension: { label: '审批意见', required: false },
  refuse_extension: { label: '不同意理由', required: true },
  escalate: { label: '督办意见', required: true },
  reject: { label: '不予受理原因', required: true },
  merge: { label: '合并说明', required: false },
  resolve_on_spot: { label: '办理结果', required: true },
};

/**
 * Actions that cannot be taken back: the form asks once more, saying what will happen, before
 * anything is sent.
 */
export const CONFIRM_TEXT: Partial<Record<SupportedAction, string>> = {
  resolve: '办结后将把办理结果答复群众，并请群众评价。',
  transfer: '转派后本部门不再办理，新部门的办理时限重新计算。',
  reject: '不予受理后事项即关闭，群众会看到原因。',
  merge: '合并后本事项即关闭，由目标事项一并办理、一并答复，不能撤销。',
  resolve_on_spot: '就地办结后将把办理结果答复群众，并请群众评价。',
};

export function actionName(action: string): string {
  return (ACTION_NAMES as Record<string, string>)[action] ?? action;
}

export type ActionField = (typeof ACTION_FIELDS)[number];
export type ActionValidation =
  | { ok: true; request: ReportActionRequest }
  | { ok: false; errors: { field: ActionField; message: string }[] };

/** Messages for a field left empty, clearer than the schema's generic ones. */
function missingMessage(action: SupportedAction, field: ActionField): string | null {
  switch (field) {
    case 'note':
      return `请填写${NOTE_FIELD[action].label}`;
    case 'departmentId':
      return action === 'transfer' ? '请选择转派到的部门' : '请选择承办部门';
    case 'extensionDays':
      return `请填写延期天数（1–${LIMITS.extensionDaysMax} 个工作日）`;
    case 'targetReportId':
      return '请先按编号找到要合并到的事项';
    case 'photoUploadIds':
      return '请拍照记录办理结果';
    default:
      return null;
  }
}

/**
 * The form's values → the request body, checked with the same schema the server uses
 * (ReportActionRequestSchema), so a return without a reason never leaves the browser.
 */
export function buildActionRequest(action: SupportedAction, values: ActionFormValues): ActionValidation {
  const note = values.note?.trim() ? values.note.trim() : undefined;
  const body: Record<string, unknown> = { action };
  if (note !== undefined || NOTE_FIELD[action].required) body.note = note ?? '';
  if (action === 'assign' || action === 'transfer') {
    body.departmentId = values.departmentId ?? '';
    if (values.categoryCode) body.categoryCode = values.categoryCode;
  }
  if (action === 'request_extension') body.extensionDays = values.extensionDays ?? undefined;
  if (action === 'merge') body.targetReportId = values.targetReportId ?? '';
  if (action === 'resolve' && values.photoUploadIds?.length) body.photoUploadIds = values.photoUploadIds;
  if (action === 'resolve_on_spot') body.photoUploadIds = values.photoUploadIds ?? [];
  const parsed = ReportActionRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors = parsed.error.issues.map((issue) => {
    const field = (ACTION_FIELDS as readonly string[]).includes(String(issue.path[0]))
      ? (issue.path[0] as ActionField)
      : 'note';
    const value = field === 'note' ? note : values[field];
    const empty = value === undefined || value === null || value === '';
    return { field, message: (empty && missingMessage(action, field)) || issue.message };
  });
  return { ok: false, errors };
}

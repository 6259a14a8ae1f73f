import type { BulkAssignResponse, TriageItem } from '@minqing/shared';

/**
 * The suggestion offered as the one-click (primary) dispatch: the most confident one that names a
 * department and reaches the routing threshold. Below it the classifier is too often wrong for a
 * default: the dispatcher still may pick a suggestion, but none is put forward.
 */
export function dispatchableSuggestion(
  item: Pick<TriageItem, 'suggestions'>,
): TriageItem['suggestions'][number] | null {
  return item.suggestions.find((suggestion) => suggestion.departmentId !== null && suggestion.confident) ?? null;
}

export const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

/** 批量派单's answer in one line, and what went wrong with each refused report. */
export function bulkOutcome(response: BulkAssignResponse): { summary: string; failures: string[] } {
  const summary =
    response.failed === 0
      ? `已派出 ${response.succeeded} 件`
      : `已派出 ${response.succeeded} 件，${response.failed} 件未派出`;
  const failures = response.results
    .filter((result) => !result.ok)
    .map((result) => `${result.serialNo ?? result.reportId}：${result.error?.message ?? '派单失败'}`);
  return { summary, failures };
}

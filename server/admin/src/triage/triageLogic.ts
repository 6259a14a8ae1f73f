import type { BulkAssignResponse, TriageItem } from '@minqing/shared';

/**
 * The one-click dispatch the server offers (`oneClick`: the first suggestion reaches the threshold
 * and names a department); null otherwise, and the three suggestions are choices the clerk makes.
 */
export function oneClickSuggestion(
  item: Pick<TriageItem, 'suggestions' | 'oneClick'>,
): TriageItem['suggestions'][number] | null {
  const first = item.suggestions[0];
  return item.oneClick && first?.departmentId && first.confident ? first : null;
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

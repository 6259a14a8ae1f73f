/** What the compose page hands to the success page (no second request on a weak signal). */
import { REPORT_STATUSES, type ReportDetail, type ReportStatus } from '@minqing/shared';

export interface SuccessInfo {
  id: string;
  serialNo: string;
  status: ReportStatus;
  department: { name: string } | null;
  resolveDueAt: string | null;
}

export const SUCCESS_PAGE = '/packages/report-flow/success/index';

export function successUrl(
  report: Pick<ReportDetail, 'id' | 'serialNo' | 'status' | 'department' | 'resolveDueAt'>,
): string {
  const params: Record<string, string> = { id: report.id, serialNo: report.serialNo, status: report.status };
  if (report.department) params.department = report.department.name;
  if (report.resolveDueAt) params.due = report.resolveDueAt;
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `${SUCCESS_PAGE}?${query}`;
}

function decode(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function readSuccessParams(params: Partial<Record<string, string>>): SuccessInfo | null {
  const serialNo = decode(params.serialNo);
  if (!serialNo) return null;
  const status = decode(params.status);
  const department = decode(params.department);
  return {
    id: decode(params.id),
    serialNo,
    status: (REPORT_STATUSES as readonly string[]).includes(status) ? (status as ReportStatus) : 'submitted',
    department: department ? { name: department } : null,
    resolveDueAt: decode(params.due) || null,
  };
}

/**
 * Dates and "who has it, by when" in the citizen's words — shared by the report list, the report
 * page and the success page.
 */
import { isOpenStatus, type ReportStatus } from '@minqing/shared';

const pad = (value: number) => String(value).padStart(2, '0');

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "11月25日" (with the year when it is not this year). */
export function formatDay(iso: string | null | undefined, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return '';
  const day = `${date.getMonth() + 1}月${date.getDate()}日`;
  return date.getFullYear() === now.getFullYear() ? day : `${date.getFullYear()}年${day}`;
}

/** "11月22日 20:28" */
export function formatDateTime(iso: string | null | undefined, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return '';
  return `${formatDay(iso, now)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export interface WhoAndWhen {
  status: ReportStatus;
  department: { name: string } | null;
  resolveDueAt: string | null;
}

/** Who has the report: "城关镇供电所", or what is happening while nobody has it yet. */
export function departmentText(report: WhoAndWhen): string {
  if (report.department) return report.department.name;
  if (report.status === 'rejected') return '未受理';
  if (report.status === 'merged') return '与相同问题一起办理';
  return '正在分派给负责部门';
}

/** "预计 11月25日前办结" while the report is open and has a deadline; '' otherwise. */
export function dueText(report: WhoAndWhen, now: Date = new Date()): string {
  if (!isOpenStatus(report.status) || !report.resolveDueAt) return '';
  const due = parse(report.resolveDueAt);
  if (due && due.getTime() < now.getTime())
    return `已过预计办结时间（${formatDay(report.resolveDueAt, now)}），正在督促办理`;
  return `预计 ${formatDay(report.resolveDueAt, now)}前办结`;
}

export const RECEIVED_LINE = '您反映的问题已收到，正在分派给负责部门，一般 2 小时内会有工作人员联系您。';

/** The one line after submitting: what happens next. */
export function nextStepLine(report: WhoAndWhen, now: Date = new Date()): string {
  if (!report.department || report.status === 'submitted') return RECEIVED_LINE;
  const due = report.resolveDueAt ? formatDay(report.resolveDueAt, now) : '';
  return due
    ? `已交给${report.department.name}办理，预计 ${due}前办结。`
    : `已交给${report.department.name}办理，办好后会告诉您。`;
}

import { IdempotencyKeySchema } from '../schemas/common';
import { StaffReportExportQuerySchema } from '../schemas/exports';
import {
  ReportNoteInputSchema,
  ReportNoteListSchema,
  ReportNoteSchema,
  ReporterContactRequestSchema,
  ReporterContactSchema,
} from '../schemas/reportNotes';
import {
  ReportActionRequestSchema,
  StaffQueueQuerySchema,
  StaffQueueResponseSchema,
  StaffReportSchema,
  StaffSubmitReportRequestSchema,
} from '../schemas/reports';
import {
  BulkAssignRequestSchema,
  BulkAssignResponseSchema,
  QueueCountsSchema,
  TriagePageSchema,
  TriageQuerySchema,
} from '../schemas/staffQueue';
import { XLSX_MEDIA_TYPE } from './households';
import { type HeaderParameter, created, defineRoute, jsonBody, named, ok } from './route';

const tags = ['staff-reports'] as const;
const staffReport = named('StaffReport', StaffReportSchema);
const reportKey: HeaderParameter = {
  name: 'Idempotency-Key',
  description: '重复提交同一编号返回同一事项 / The same key again answers the same report',
  required: false,
  schema: IdempotencyKeySchema,
};

/**
 * 民情办理: every `/staff/reports` route — the work queue and its companions, one report and its
 * actions, 代报, the export, and the tools around a report (notes, the reporter's number, the map).
 * The reply templates for a report are declared with the templates (replyTemplates.ts).
 */
export const staffReportRoutes = {
  fileOnBehalf: defineRoute({
    method: 'post',
    path: '/staff/reports',
    summary:
      '代报 / File a report for a household (onBehalfOf: name, phone, householdId of the roster); grid worker, 三线 member (liaison), cadre, in their own village; the same Idempotency-Key again answers the same report',
    description:
      "Who: grid worker, 三线 member, cadre, in their own village. 代报: the citizen's submission filed for a household, routed like any other; honours `Idempotency-Key` like `POST /api/v1/reports`; answers 201 with the staff view. The timeline reads 网格员 王强 代 李大爷 反映; the phone (or the roster household's) is stored encrypted and shown masked; when it is bound to a citizen account the report is in their 我的反映 and they get its messages, otherwise the filer does",
    tags,
    access: 'staff',
    policy: 'file_on_behalf',
    headers: [reportKey],
    body: jsonBody('StaffSubmitReportRequest', StaffSubmitReportRequestSchema),
    responses: [created(staffReport)],
    errors: [400, 401, 403, 409],
  }),
  queue: defineRoute({
    method: 'get',
    path: '/staff/reports',
    summary: '工作台事项列表 / The staff work queue',
    description:
      'Who: staff in scope. Work queue: `tab` (dispatched, accepted, due_soon, overdue, done, all, submitted, filed — 我代报的: the reports the caller filed for households; see `shared/src/domain/queueTabs.ts`), `status`, `regionCode`, `departmentId`, `serviceCode`, `categoryCode`, `tier`, `serialNo`, `keyword`, `overdue`, `triage`, `from`, `to`, `sort`, `page`, `pageSize`',
    tags,
    access: 'staff',
    policy: 'queue',
    query: StaffQueueQuerySchema,
    responses: [ok(named('StaffQueuePage', StaffQueueResponseSchema))],
    errors: [400, 401, 403],
  }),
  counts: defineRoute({
    method: 'get',
    path: '/staff/reports/counts',
    summary: "工单各标签数量 / How many reports each queue tab holds, under the list's filters",
    description: "Who: staff in scope. Every tab's count in one answer, under the list's filters",
    tags,
    access: 'staff',
    policy: 'queue',
    query: StaffQueueQuerySchema,
    responses: [ok(named('QueueCounts', QueueCountsSchema))],
    errors: [400, 401, 403],
  }),
  triage: defineRoute({
    method: 'get',
    path: '/staff/reports/triage',
    summary:
      "待分派 / Reports waiting for dispatch (or suspected duplicates) with the classifier's top three; dispatcher, county",
    description:
      'Who: dispatcher, county. Reports waiting for dispatch with the top three suggestions by calibrated confidence (best first) and their departments, the routing `threshold`, and `oneClick` (the first suggestion reaches the threshold and names a department), or suspected duplicates with the report they resemble',
    tags,
    access: 'staff',
    policy: 'triage',
    query: TriageQuerySchema,
    responses: [ok(named('TriagePage', TriagePageSchema))],
    errors: [400, 401, 403],
  }),
  bulkAssign: defineRoute({
    method: 'post',
    path: '/staff/reports/bulk-assign',
    summary:
      '批量派单 / Assign several reports to one department, each on its own, answered per report; dispatcher, county',
    description:
      'Who: dispatcher, county. 批量派单: each report assigned on its own (state machine, scope, version, event, audit), answered per report',
    tags,
    access: 'staff',
    policy: 'triage',
    body: jsonBody('BulkAssignRequest', BulkAssignRequestSchema),
    responses: [ok(named('BulkAssignResponse', BulkAssignResponseSchema))],
    errors: [400, 401, 403],
  }),
  export: defineRoute({
    method: 'get',
    path: '/staff/reports/export',
    summary:
      '导出工单 / The work queue under its filters as .xlsx (at most EXPORT_MAX_ROWS reports; reporters masked; audited)',
    description:
      'Who: as the work queue. The queue under the same filters as .xlsx (at most 5000 rows, else 400 asking to narrow them; reporter name and phone masked, none for anonymous reports; audited)',
    tags,
    access: 'staff',
    policy: 'queue',
    query: StaffReportExportQuerySchema,
    responses: [
      {
        status: 200,
        description: 'OK（.xlsx，Content-Disposition: attachment）',
        content: { kind: 'binary', mediaTypes: [XLSX_MEDIA_TYPE] },
      },
    ],
    errors: [400, 401, 403],
  }),
  detail: defineRoute({
    method: 'get',
    path: '/staff/reports/:id',
    summary: '事项详情 / One report as staff see it',
    description: 'Who: staff in scope. Full timeline, masked reporter (none for anonymous 违法举报), allowed actions',
    tags,
    access: 'staff',
    policy: 'queue',
    responses: [ok(staffReport)],
    errors: [401, 403, 404],
  }),
  act: defineRoute({
    method: 'post',
    path: '/staff/reports/:id/actions',
    summary:
      '办理事项 / Act on a report (assign, sign, reply, resolve, …); the same Idempotency-Key again answers the report without acting twice',
    description:
      "Who: staff in scope. `assign` (with an optional `categoryCode`, kept as a training example), `sign`, `reply`, `resolve`, `return`, `transfer`, `request_extension`, `approve_extension`, `refuse_extension`, `escalate`, `reject`, `merge`; `resolve_on_spot {note, photoUploadIds}` (小事不出村: a grid worker or village cadre signs and resolves a 一般 matter of their village in one step, at least one photo); `rate_on_behalf {score, note}` (回访评价: the filer of a 代报 records the household's rating after a return visit); a retry with the same `Idempotency-Key` answers the report without acting twice",
    tags,
    access: 'staff',
    policy: 'queue',
    headers: [reportKey],
    body: jsonBody('ReportActionRequest', ReportActionRequestSchema),
    responses: [ok(staffReport)],
    errors: [400, 401, 403, 404, 409],
  }),
  notes: defineRoute({
    method: 'get',
    path: '/staff/reports/:id/notes',
    summary: '内部备注 / Staff-only notes on a report, oldest first (never shown to citizens)',
    description: "Who: staff in scope. 内部备注: notes for colleagues, never in the citizen's view or data export",
    tags,
    access: 'staff',
    policy: 'queue',
    responses: [ok(named('ReportNoteList', ReportNoteListSchema))],
    errors: [401, 403, 404],
  }),
  addNote: defineRoute({
    method: 'post',
    path: '/staff/reports/:id/notes',
    summary: '添加内部备注 / Add a staff-only note',
    tags,
    access: 'staff',
    policy: 'queue',
    body: jsonBody('ReportNoteInput', ReportNoteInputSchema),
    responses: [created(named('ReportNote', ReportNoteSchema))],
    errors: [400, 401, 403, 404],
  }),
  reporterContact: defineRoute({
    method: 'post',
    path: '/staff/reports/:id/reporter-contact',
    summary:
      "查看完整号码 / The reporter's full phone number, with a reason; every call is audited, anonymous 违法举报 answer 403, no number 404",
    description:
      "Who: staff in scope. The reporter's full phone; every call is audited (who, report, IP, reason); 403 for an anonymous 违法举报, 404 when there is no number",
    tags,
    access: 'staff',
    policy: 'queue',
    body: jsonBody('ReporterContactRequest', ReporterContactRequestSchema),
    responses: [ok(named('ReporterContact', ReporterContactSchema))],
    errors: [400, 401, 403, 404],
  }),
  map: defineRoute({
    method: 'get',
    path: '/staff/reports/:id/map.png',
    summary:
      "位置地图 / The report's point on a Tencent static map (600×300 PNG), fetched by the server so the key stays there; scoped like the report; 404 without a point, 503 without TENCENT_MAP_KEY, 502 when Tencent does not draw it",
    description:
      "Who: staff in scope. The report's point on Tencent's static map (600×300 PNG), fetched by the server; 404 without a point, 503 without `TENCENT_MAP_KEY`, 502 when Tencent does not draw it. The staff report's `mapImageUrl` is this path when a key is configured and the report has a point, else null",
    tags,
    access: 'staff',
    policy: 'queue',
    responses: [{ status: 200, description: 'OK', content: { kind: 'binary', mediaTypes: ['image/png'] } }],
    errors: [401, 403, 404, 502, 503],
  }),
};

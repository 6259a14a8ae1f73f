import { reportsBeingTranscribed } from '../jobs/transcribing';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  CITIZEN_STATUS_NAMES,
  ROLE_NAMES,
  isOpenStatus,
  type NamedRoutingSuggestion,
  type ReportDetail,
  type ReportLocation,
  type ReportSummary,
  STAFF_STATUS_NAMES,
  type StaffReport,
  type RoutingSuggestion,
  type TimelineEvent,
} from '@minqing/shared';
import { staffReportRoutes, urlOf } from '@minqing/shared';
import type { AppDeps } from '../context';
import { maskPhone } from '../crypto/personalData';
import { Attachment, Citizen, type Department, Deputy, Report, ReportEvent, Staff } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import { citizenAllowedActions, staffAllowedActions, staffCanView } from '../policies/report';
import { routingThreshold } from '../routing/classifier';
import { presentAttachment } from './attachment';

export type Audience = 'citizen' | 'staff';

/** Names of what reports refer to: the in-memory reference data. */
export type ReportLookups = Pick<ReferenceSnapshot, 'departments' | 'categories' | 'regions'>;

const byKey = <T, K extends keyof T>(rows: T[], key: K) =>
  new Map(rows.map((row) => [row[key] as unknown as string, row]));
const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];

export function isOverdue(report: Pick<Report, 'status' | 'responseDueAt' | 'resolveDueAt'>, now: Date): boolean {
  if (!isOpenStatus(report.status)) return false;
  const unsigned = report.status === 'dispatched' || report.status === 'reopened';
  if (unsigned && report.responseDueAt && report.responseDueAt < now) return true;
  return Boolean(report.resolveDueAt && report.resolveDueAt < now);
}

/** The columns a report's summary is drawn from. */
const SUMMARY_COLUMNS = [
  'id',
  'serialNo',
  'status',
  'serviceCode',
  'villageCode',
  'text',
  'transcript',
  'voiceAttachmentId',
  'categoryCode',
  'departmentId',
  'tier',
  'createdAt',
  'responseDueAt',
  'resolveDueAt',
  'rating',
] as const satisfies readonly (keyof Report)[];

/**
 * The columns a staff list row is drawn from: the work queue selects these alone, not the
 * report's fifty-odd columns (its JSON suggestions, encrypted phones, rating comment…).
 */
export const STAFF_SUMMARY_COLUMNS = [
  ...SUMMARY_COLUMNS,
  'escalated',
  'transcriptSource',
  'followerCount',
] as const satisfies readonly (keyof Report)[];

type SummarySource = Pick<Report, (typeof SUMMARY_COLUMNS)[number]>;
export type StaffSummarySource = Pick<Report, (typeof STAFF_SUMMARY_COLUMNS)[number]>;

function excerptOf(report: SummarySource): string {
  const source = report.text || report.transcript || (report.voiceAttachmentId ? '[语音]' : '[照片]');
  return source.length > 60 ? `${source.slice(0, 60)}…` : source;
}

export function presentSummary(report: SummarySource, lookups: ReportLookups, audience: Audience): ReportSummary {
  const department = report.departmentId ? lookups.departments.get(report.departmentId) : undefined;
  const category = report.categoryCode ? lookups.categories.get(report.categoryCode) : undefined;
  return {
    id: report.id,
    serialNo: report.serialNo,
    status: report.status,
    statusName: (audience === 'citizen' ? CITIZEN_STATUS_NAMES : STAFF_STATUS_NAMES)[report.status],
    serviceCode: report.serviceCode,
    villageCode: report.villageCode,
    villageName: lookups.regions.get(report.villageCode)?.name ?? '',
    excerpt: excerptOf(report),
    category: category ? { code: category.code, name: category.name } : null,
    department: department ? { id: department.id, name: department.name } : null,
    tier: report.tier,
    submittedAt: report.createdAt.toISOString(),
    responseDueAt: report.responseDueAt?.toISOString() ?? null,
    resolveDueAt: report.resolveDueAt?.toISOString() ?? null,
    rating: report.rating,
  };
}

/** `transcribing`: the reports whose clip the server is still transcribing (jobs/transcribing). */
export function presentStaffSummary(
  report: StaffSummarySource,
  lookups: ReportLookups,
  now: Date,
  transcribing: ReadonlySet<string> = new Set(),
) {
  return {
    ...presentSummary(report, lookups, 'staff'),
    overdue: isOverdue(report, now),
    escalated: report.escalated,
    transcript: report.transcript,
    transcriptSource: report.transcript ? report.transcriptSource : null,
    transcriptPending: transcribing.has(report.id),
    followers: report.followerCount,
  };
}

/** What a timeline is drawn from; a fresh submission passes what it just wrote instead of re-reading. */
export interface TimelineRecords {
  events: ReportEvent[];
  attachments: Attachment[];
}

interface TimelineSources extends TimelineRecords {
  departments: Map<string, Department>;
  regions: ReportLookups['regions'];
  staff: Map<string, Staff>;
  /** Staff never learn who an anonymous report came from, a household filed for included. */
  anonymous: boolean;
}

/** 网格员 王强: a filer as the timeline and the detail name them. */
const filerName = (member: Staff) => `${ROLE_NAMES[member.role]} ${member.name}`;

/** The household a 代报 was filed for, as this audience may see it. */
function householdOf(name: string | null, anonymous: boolean, audience: Audience): string | null {
  return anonymous && audience === 'staff' ? null : name;
}

/**
 * Who acted, as the staff member's own unit: their department, else their township or county.
 * (An event's department is where the report went, which for 派单 and 转派 is not who sent it.)
 */
function actorOf(event: ReportEvent, sources: TimelineSources, audience: Audience): string | null {
  if (event.actorType === 'system') return '系统';
  if (event.actorType === 'citizen') return audience === 'citizen' ? '您' : '群众';
  const member = event.actorId ? sources.staff.get(event.actorId) : undefined;
  if (event.type === 'submitted' && member) {
    const household = householdOf(
      typeof event.data?.onBehalfName === 'string' ? event.data.onBehalfName : null,
      sources.anonymous,
      audience,
    );
    return `${filerName(member)} 代 ${household ?? '群众'} 反映`;
  }
  const unit = member?.departmentId
    ? sources.departments.get(member.departmentId)?.name
    : member
      ? sources.regions.get(member.regionCode)?.name
      : undefined;
  if (audience === 'citizen') return unit ?? '工作人员';
  return [member?.name, unit && `（${unit}）`].filter(Boolean).join('') || null;
}

function presentTimeline(sources: TimelineSources, audience: Audience): TimelineEvent[] {
  return sources.events
    .filter((event) => audience === 'staff' || event.public)
    .map((event) => {
      const department = event.departmentId ? sources.departments.get(event.departmentId) : undefined;
      return {
        id: event.id,
        type: event.type,
        at: event.createdAt.toISOString(),
        status: event.toStatus,
        note: event.note,
        department: department ? { id: department.id, name: department.name } : null,
        actor: actorOf(event, sources, audience),
        attachments: sources.attachments.filter((attachment) => attachment.eventId === event.id).map(presentAttachment),
        public: event.public,
      };
    });
}

async function loadTimelineRecords(manager: EntityManager, report: Report): Promise<TimelineRecords> {
  const [events, attachments] = await Promise.all([
    manager.getRepository(ReportEvent).find({ where: { reportId: report.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    manager.getRepository(Attachment).find({ where: { reportId: report.id }, order: { id: 'ASC' } }),
  ]);
  return { events, attachments };
}

async function loadTimelineSources(
  manager: EntityManager,
  report: Report,
  records: TimelineRecords,
  lookups: ReportLookups,
): Promise<TimelineSources> {
  const staffIds = unique([
    ...records.events.filter((event) => event.actorType === 'staff').map((event) => event.actorId),
    report.filedByStaffId,
  ]);
  const staff = staffIds.length ? await manager.getRepository(Staff).findBy({ id: In(staffIds) }) : [];
  return {
    ...records,
    departments: lookups.departments,
    regions: lookups.regions,
    staff: byKey(staff, 'id'),
    anonymous: report.anonymous,
  };
}

interface DetailProps {
  manager: EntityManager;
  lookups: ReportLookups;
  report: Report;
  audience: Audience;
  allowed: string[];
  records?: TimelineRecords;
}

async function presentDetail({
  manager,
  lookups,
  report,
  audience,
  allowed,
  records,
}: DetailProps): Promise<ReportDetail> {
  const sources = await loadTimelineSources(
    manager,
    report,
    records ?? (await loadTimelineRecords(manager, report)),
    lookups,
  );
  const filer = report.filedByStaffId ? sources.staff.get(report.filedByStaffId) : undefined;
  const submittedEventIds = new Set(
    sources.events.filter((event) => event.type === 'submitted').map((event) => event.id),
  );
  const original = sources.attachments.filter(
    (attachment) => attachment.eventId && submittedEventIds.has(attachment.eventId),
  );
  const voice = original.find((attachment) => attachment.kind === 'voice');
  const deputy = report.deputyId ? await manager.getRepository(Deputy).findOneBy({ id: report.deputyId }) : null;
  return {
    ...presentSummary(report, lookups, audience),
    text: report.text,
    transcript: report.transcript,
    transcriptSource: report.transcript ? report.transcriptSource : null,
    voice: voice ? presentAttachment(voice) : null,
    photos: original.filter((attachment) => attachment.kind === 'photo').map(presentAttachment),
    location: presentLocation(report),
    anonymous: report.anonymous,
    ratingComment: report.ratingComment,
    deputy: deputy ? { id: deputy.id, name: deputy.name, title: deputy.title } : null,
    onBehalf: filer
      ? { filedBy: filerName(filer), household: householdOf(report.onBehalfName, report.anonymous, audience) }
      : null,
    ratingOnBehalf: report.ratingOnBehalf,
    timeline: presentTimeline(sources, audience),
    allowedActions: allowed,
  };
}

/** Where it is: the point with its system, the address and who wrote it; null when the report has neither. */
export function presentLocation(
  report: Pick<Report, 'lat' | 'lng' | 'coordSystem' | 'address' | 'addressSource'>,
): ReportLocation | null {
  const point = report.lat !== null && report.lng !== null;
  if (!point && !report.address) return null;
  return {
    ...(point ? { lat: report.lat!, lng: report.lng! } : {}),
    ...(point && report.coordSystem ? { coordSystem: report.coordSystem } : {}),
    ...(report.address ? { address: report.address } : {}),
    ...(report.address && report.addressSource ? { addressSource: report.addressSource } : {}),
  };
}

export async function presentCitizenReport(
  deps: AppDeps,
  report: Report,
  records?: TimelineRecords,
): Promise<ReportDetail> {
  const lookups = await deps.reference.snapshot();
  return presentDetail({
    manager: deps.dataSource.manager,
    lookups,
    report,
    audience: 'citizen',
    allowed: citizenAllowedActions(report),
    records,
  });
}

/** The classifier's suggestions named for staff, each marked confident when it reaches the routing threshold. */
export function nameSuggestions(
  suggestions: RoutingSuggestion[],
  lookups: ReportLookups,
  threshold: number,
): NamedRoutingSuggestion[] {
  return suggestions.map((suggestion) => ({
    ...suggestion,
    categoryName: lookups.categories.get(suggestion.categoryCode)?.name ?? suggestion.categoryCode,
    departmentName: suggestion.departmentId ? (lookups.departments.get(suggestion.departmentId)?.name ?? null) : null,
    confident: suggestion.confidence >= threshold,
  }));
}

/** The staff view: full timeline, allowed actions, and the reporter masked — or hidden when anonymous. */
export async function presentStaffReport(
  deps: AppDeps,
  manager: EntityManager,
  report: Report,
  staff: Staff,
): Promise<StaffReport> {
  const lookups = await deps.reference.snapshot();
  const detail = await presentDetail({
    manager,
    lookups,
    report,
    audience: 'staff',
    allowed: staffAllowedActions(staff, report, deps.clock()),
  });
  let reporter: StaffReport['reporter'] = null;
  if (!report.anonymous) {
    const citizen = report.citizenId ? await manager.getRepository(Citizen).findOneBy({ id: report.citizenId }) : null;
    const sealedPhone =
      report.contactPhoneEncrypted ?? report.onBehalfPhoneEncrypted ?? citizen?.phoneEncrypted ?? null;
    reporter = {
      nickname: report.onBehalfName ?? citizen?.nickname ?? null,
      phone: sealedPhone ? maskPhone(deps.cipher.decrypt(sealedPhone)) : null,
    };
  }
  const duplicate = report.duplicateOfId
    ? await manager.getRepository(Report).findOneBy({ id: report.duplicateOfId })
    : null;
  return {
    ...detail,
    overdue: isOverdue(report, deps.clock()),
    escalated: report.escalated,
    extensionPending: report.extensionRequestedDays !== null,
    mergedIntoId: report.mergedIntoId,
    transcriptPending: (await reportsBeingTranscribed(manager, [report])).has(report.id),
    // The map image comes through the server (the key stays there): only with a key and a point.
    mapImageUrl:
      deps.maps && report.lat !== null && report.lng !== null
        ? `/api/v1${urlOf(staffReportRoutes.map, { params: { id: report.id } })}`
        : null,
    gridName: report.gridCode ? (lookups.regions.get(report.gridCode)?.name ?? report.gridCode) : null,
    reporter,
    followers: report.followerCount,
    prediction:
      report.predictedCategoryCode && report.predictionConfidence !== null
        ? { categoryCode: report.predictedCategoryCode, confidence: report.predictionConfidence }
        : null,
    suggestions: nameSuggestions(report.suggestions ?? [], lookups, routingThreshold(deps.config.routing)),
    duplicateOf:
      duplicate && staffCanView(staff, duplicate)
        ? { id: duplicate.id, serialNo: duplicate.serialNo, excerpt: excerptOf(duplicate), status: duplicate.status }
        : null,
  };
}

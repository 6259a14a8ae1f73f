import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  CITIZEN_STATUS_NAMES,
  ReportDetail,
  ReportSummary,
  STAFF_STATUS_NAMES,
  StaffReport,
  TimelineEvent,
} from '@minqing/shared';
import type { AppDeps } from '../context';
import { maskPhone } from '../crypto/personalData';
import { Attachment, Category, Citizen, Department, Region, Report, ReportEvent, Staff } from '../db/entities';
import { citizenAllowedActions, isOpen, staffAllowedActions } from '../policies/report';
import { presentAttachment } from './attachment';

export type Audience = 'citizen' | 'staff';

/** Names of what reports refer to, loaded once per page instead of once per row. */
export interface ReportLookups {
  departments: Map<string, Department>;
  categories: Map<string, Category>;
  regions: Map<string, Region>;
}

const byKey = <T, K extends keyof T>(rows: T[], key: K) => new Map(rows.map((row) => [row[key] as unknown as string, row]));
const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];

export async function loadLookups(manager: EntityManager, reports: Report[], departmentIds: (string | null)[] = []): Promise<ReportLookups> {
  const departmentKeys = unique([...reports.map((report) => report.departmentId), ...departmentIds]);
  const categoryKeys = unique(reports.map((report) => report.categoryCode));
  const regionKeys = unique(reports.map((report) => report.villageCode));
  const [departments, categories, regions] = await Promise.all([
    departmentKeys.length ? manager.getRepository(Department).findBy({ id: In(departmentKeys) }) : [],
    categoryKeys.length ? manager.getRepository(Category).findBy({ code: In(categoryKeys) }) : [],
    regionKeys.length ? manager.getRepository(Region).findBy({ code: In(regionKeys) }) : [],
  ]);
  return { departments: byKey(departments, 'id'), categories: byKey(categories, 'code'), regions: byKey(regions, 'code') };
}

export function isOverdue(report: Report, now: Date): boolean {
  if (!isOpen(report.status)) return false;
  const unsigned = report.status === 'dispatched' || report.status === 'reopened';
  if (unsigned && report.responseDueAt && report.responseDueAt < now) return true;
  return Boolean(report.resolveDueAt && report.resolveDueAt < now);
}

function excerptOf(report: Report): string {
  const source = report.text || report.transcript || (report.voiceAttachmentId ? '[语音]' : '[照片]');
  return source.length > 60 ? `${source.slice(0, 60)}…` : source;
}

export function presentSummary(report: Report, lookups: ReportLookups, audience: Audience): ReportSummary {
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

export function presentStaffSummary(report: Report, lookups: ReportLookups, now: Date) {
  return { ...presentSummary(report, lookups, 'staff'), overdue: isOverdue(report, now), escalated: report.escalated };
}

interface TimelineSources {
  events: ReportEvent[];
  attachments: Attachment[];
  departments: Map<string, Department>;
  staff: Map<string, Staff>;
}

function actorOf(event: ReportEvent, sources: TimelineSources, audience: Audience): string | null {
  if (event.actorType === 'system') return '系统';
  if (event.actorType === 'citizen') return audience === 'citizen' ? '您' : '群众';
  const departmentName = event.departmentId ? sources.departments.get(event.departmentId)?.name : undefined;
  if (audience === 'citizen') return departmentName ?? '工作人员';
  const person = event.actorId ? sources.staff.get(event.actorId)?.name : undefined;
  return [person, departmentName && `（${departmentName}）`].filter(Boolean).join('') || null;
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

async function loadTimelineSources(manager: EntityManager, report: Report): Promise<TimelineSources> {
  const [events, attachments] = await Promise.all([
    manager.getRepository(ReportEvent).find({ where: { reportId: report.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    manager.getRepository(Attachment).find({ where: { reportId: report.id }, order: { id: 'ASC' } }),
  ]);
  const departmentIds = unique([report.departmentId, ...events.map((event) => event.departmentId)]);
  const staffIds = unique(events.filter((event) => event.actorType === 'staff').map((event) => event.actorId));
  const [departments, staff] = await Promise.all([
    departmentIds.length ? manager.getRepository(Department).findBy({ id: In(departmentIds) }) : [],
    staffIds.length ? manager.getRepository(Staff).findBy({ id: In(staffIds) }) : [],
  ]);
  return { events, attachments, departments: byKey(departments, 'id'), staff: byKey(staff, 'id') };
}

async function presentDetail(manager: EntityManager, report: Report, audience: Audience, allowed: string[]): Promise<ReportDetail> {
  const [lookups, sources] = await Promise.all([loadLookups(manager, [report]), loadTimelineSources(manager, report)]);
  const submittedEventIds = new Set(sources.events.filter((event) => event.type === 'submitted').map((event) => event.id));
  const original = sources.attachments.filter((attachment) => attachment.eventId && submittedEventIds.has(attachment.eventId));
  const voice = original.find((attachment) => attachment.kind === 'voice');
  return {
    ...presentSummary(report, lookups, audience),
    text: report.text,
    transcript: report.transcript,
    voice: voice ? presentAttachment(voice) : null,
    photos: original.filter((attachment) => attachment.kind === 'photo').map(presentAttachment),
    location: report.lat !== null && report.lng !== null ? { lat: report.lat, lng: report.lng, ...(report.address ? { address: report.address } : {}) } : null,
    anonymous: report.anonymous,
    ratingComment: report.ratingComment,
    timeline: presentTimeline(sources, audience),
    allowedActions: allowed,
  };
}

export function presentCitizenReport(manager: EntityManager, report: Report): Promise<ReportDetail> {
  return presentDetail(manager, report, 'citizen', citizenAllowedActions(report));
}

/** The staff view: full timeline, allowed actions, and the reporter masked — or hidden when anonymous. */
export async function presentStaffReport(deps: AppDeps, manager: EntityManager, report: Report, staff: Staff): Promise<StaffReport> {
  const detail = await presentDetail(manager, report, 'staff', staffAllowedActions(staff, report));
  let reporter: StaffReport['reporter'] = null;
  if (!report.anonymous) {
    const citizen = await manager.getRepository(Citizen).findOneBy({ id: report.citizenId });
    const sealedPhone = report.contactPhoneEncrypted ?? citizen?.phoneEncrypted ?? null;
    reporter = { nickname: citizen?.nickname ?? null, phone: sealedPhone ? maskPhone(deps.cipher.decrypt(sealedPhone)) : null };
  }
  return {
    ...detail,
    overdue: isOverdue(report, deps.clock()),
    escalated: report.escalated,
    extensionPending: report.extensionRequestedDays !== null,
    mergedIntoId: report.mergedIntoId,
    reporter,
  };
}

import { PUBLIC_REPORT_DAYS, type PublicReport, type PublicReportState, type ReportStatus } from '@minqing/shared';
import { Brackets, type EntityManager, In } from 'typeorm';
import { Attachment, ContentCheck, Report, ReportEvent } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import { MediaUrlSigner } from '../storage/signedMediaUrl';

/**
 * The one definition of what is public about reports (PRODUCT.md §9 Openness), for the village board
 * and Open311 alike: 民情直通 reports of the last 90 days whose reporter left 公开 on, never anonymous,
 * never refused or merged away, whose text passed content security (WeChat's pass, or a moderator's
 * release where WeChat checks nothing). What leaves is the text, category, department, status, dates,
 * village and township, photos that passed their check and the department's answer — never a name,
 * phone, openid, voice, transcript or exact place.
 */

const OPEN: readonly ReportStatus[] = ['submitted', 'dispatched', 'accepted', 'reopened'];
const ANSWERED: readonly ReportStatus[] = ['resolved', 'closed'];
export const STATUSES_OF: Record<PublicReportState, readonly ReportStatus[]> = { open: OPEN, resolved: ANSWERED };
const EXCERPT_LENGTH = 40;
const PHOTO_LINK_SECONDS = 3600;

export interface PublicReportFilter {
  villageCode?: string;
  /** Region code prefix (a county, township or village). */
  regionPrefix?: string;
  state?: PublicReportState;
  serialNos?: readonly string[];
  ids?: readonly string[];
  categoryCodes?: readonly string[];
  /** Created at or after / before (further bounded by the 90-day horizon). */
  from?: Date;
  to?: Date;
  offset: number;
  limit: number;
}

export const publicHorizon = (now: Date) => new Date(now.getTime() - PUBLIC_REPORT_DAYS * 24 * 3600 * 1000);

/** The public reports matching `filter`, newest first, and how many match in all. */
export async function findPublicReports(
  manager: EntityManager,
  now: Date,
  filter: PublicReportFilter,
): Promise<{ reports: Report[]; total: number }> {
  const horizon = publicHorizon(now);
  const from = filter.from && filter.from > horizon ? filter.from : horizon;
  const builder = manager
    .getRepository(Report)
    .createQueryBuilder('r')
    .where('r.serviceCode = :direct', { direct: 'direct' })
    .andWhere('r.public = :yes', { yes: true })
    .andWhere('r.anonymous = :no', { no: false })
    .andWhere('r.text IS NOT NULL')
    .andWhere('r.status IN (:...statuses)', {
      statuses: filter.state ? STATUSES_OF[filter.state] : [...OPEN, ...ANSWERED],
    })
    .andWhere('r.createdAt >= :from', { from })
    .andWhere((query) => {
      const checked = query
        .subQuery()
        .select('1')
        .from(ContentCheck, 'c')
        // reportId is indexed (idx_content_checks_report); a report's own text is the row whose subject is the report.
        .where('c.reportId = r.id')
        .andWhere("c.subjectType = 'report'")
        .andWhere('c.subjectId = r.id')
        .andWhere("c.field = 'text'")
        .andWhere(
          new Brackets((passed) => {
            passed.where("c.status = 'pass'").orWhere("c.moderation = 'released'");
          }),
        )
        .getQuery();
      return `EXISTS ${checked}`;
    });
  if (filter.villageCode) builder.andWhere('r.villageCode = :village', { village: filter.villageCode });
  if (filter.regionPrefix) builder.andWhere('r.villageCode LIKE :prefix', { prefix: `${filter.regionPrefix}%` });
  if (filter.to) builder.andWhere('r.createdAt < :to', { to: filter.to });
  if (filter.serialNos) builder.andWhere('r.serialNo IN (:...serials)', { serials: [...filter.serialNos, ''] });
  if (filter.ids) builder.andWhere('r.id IN (:...ids)', { ids: [...filter.ids, ''] });
  if (filter.categoryCodes) builder.andWhere('r.categoryCode IN (:...codes)', { codes: [...filter.categoryCodes, ''] });
  const [reports, total] = await builder
    .orderBy('r.createdAt', 'DESC')
    .addOrderBy('r.id', 'DESC')
    .skip(filter.offset)
    .take(filter.limit)
    .getManyAndCount();
  return { reports, total };
}

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

/** What the board and Open311 say about each report: nothing more than PublicReportSchema. */
export async function presentPublicReports(
  manager: EntityManager,
  props: { reports: Report[]; lookups: ReferenceSnapshot; tokenSecret: string; now: Date },
): Promise<PublicReport[]> {
  const { reports, lookups, now } = props;
  if (reports.length === 0) return [];
  const ids = reports.map((report) => report.id);
  const [photos, answers] = await Promise.all([
    manager.getRepository(Attachment).find({
      where: { reportId: In(ids), kind: 'photo', ownerType: 'citizen', checkStatus: 'pass' },
      order: { createdAt: 'ASC', id: 'ASC' },
    }),
    manager.getRepository(ReportEvent).find({
      where: { reportId: In(ids), toStatus: 'resolved', public: true, actorType: In(['staff', 'system']) },
      order: { createdAt: 'ASC', id: 'ASC' },
    }),
  ]);
  const signer = new MediaUrlSigner(props.tokenSecret);
  const expires = new Date(now.getTime() + PHOTO_LINK_SECONDS * 1000);
  return reports.map((report): PublicReport => {
    const category = report.categoryCode ? lookups.categories.get(report.categoryCode) : undefined;
    const department = report.departmentId ? lookups.departments.get(report.departmentId) : undefined;
    const village = lookups.regions.get(report.villageCode);
    const township = lookups.regions.get(report.townshipCode);
    const answered = ANSWERED.includes(report.status);
    const answer = answered ? answers.filter((event) => event.reportId === report.id && event.note).at(-1) : undefined;
    const text = report.text ?? '';
    return {
      serialNo: report.serialNo,
      excerpt: excerptOf(text),
      text,
      status: report.status,
      state: answered ? 'resolved' : 'open',
      category: category ? { code: category.code, name: category.name } : null,
      department: department ? { id: department.id, name: department.name } : null,
      village: { code: report.villageCode, name: village?.name ?? '' },
      township: { code: report.townshipCode, name: township?.name ?? '' },
      photos: photos
        .filter((photo) => photo.reportId === report.id)
        .map((photo) => ({ url: signer.path(photo.id, expires) })),
      createdAt: report.createdAt.toISOString(),
      updatedAt: report.updatedAt.toISOString(),
      dueAt: report.resolveDueAt?.toISOString() ?? null,
      resolvedAt: answered ? (report.resolvedAt?.toISOString() ?? null) : null,
      answer: answer?.note ? { text: answer.note, at: answer.createdAt.toISOString() } : null,
    };
  });
}

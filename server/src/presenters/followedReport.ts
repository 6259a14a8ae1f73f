import { FOLLOWER_STATUS_NAMES, type ReportDetail, type TimelineEvent } from '@minqing/shared';
import { In } from 'typeorm';
import type { AppDeps } from '../context';
import { Attachment, type Report, ReportEvent } from '../db/entities';
import { MediaUrlSigner } from '../storage/signedMediaUrl';
import { presentSummary } from './report';

const PHOTO_LINK_SECONDS = 3600;

/**
 * What a villager who follows someone else's report (我也遇到) sees: what the village board shows —
 * the checked text and photos, who handles it, each step's department and the department's answer
 * when resolved. Never who reported it, their voice, transcript, place, rating or supplements.
 */
export async function presentFollowedReport(deps: AppDeps, report: Report): Promise<ReportDetail> {
  const manager = deps.dataSource.manager;
  const lookups = await deps.reference.snapshot();
  const now = deps.clock();
  const [events, photos] = await Promise.all([
    manager.getRepository(ReportEvent).find({
      where: { reportId: report.id, public: true, actorType: In(['staff', 'system']) },
      order: { createdAt: 'ASC', id: 'ASC' },
    }),
    manager.getRepository(Attachment).find({
      where: { reportId: report.id, kind: 'photo', ownerType: 'citizen', checkStatus: 'pass' },
      order: { createdAt: 'ASC', id: 'ASC' },
    }),
  ]);
  const signer = new MediaUrlSigner(deps.config.tokenSecret);
  const expires = new Date(now.getTime() + PHOTO_LINK_SECONDS * 1000);
  const submitted = await manager.getRepository(ReportEvent).findOne({
    where: { reportId: report.id, type: 'submitted' },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const timeline: TimelineEvent[] = [
    ...(submitted
      ? [
          {
            id: submitted.id,
            type: submitted.type,
            at: submitted.createdAt.toISOString(),
            status: submitted.toStatus,
            note: null,
            department: null,
            actor: '群众',
            attachments: [],
            public: true,
          } satisfies TimelineEvent,
        ]
      : []),
    ...events.map((event): TimelineEvent => {
      const department = event.departmentId ? lookups.departments.get(event.departmentId) : undefined;
      return {
        id: event.id,
        type: event.type,
        at: event.createdAt.toISOString(),
        status: event.toStatus,
        // The department's answer is public on the board; other notes were written to the reporter.
        note: event.toStatus === 'resolved' ? event.note : null,
        department: department ? { id: department.id, name: department.name } : null,
        actor: event.actorType === 'system' ? '系统' : (department?.name ?? '工作人员'),
        attachments: [],
        public: true,
      };
    }),
  ];
  return {
    ...presentSummary(report, lookups, 'citizen'),
    statusName: FOLLOWER_STATUS_NAMES[report.status],
    rating: null,
    text: report.text,
    transcript: null,
    transcriptSource: null,
    voice: null,
    photos: photos.map((photo) => ({
      id: photo.id,
      kind: 'photo' as const,
      contentType: photo.contentType,
      size: photo.size,
      durationSeconds: null,
      url: signer.path(photo.id, expires),
    })),
    location: null,
    anonymous: false,
    ratingComment: null,
    deputy: null,
    onBehalf: null,
    ratingOnBehalf: false,
    timeline,
    allowedActions: [],
    following: true,
  };
}

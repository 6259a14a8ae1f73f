import type { EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { type ReportEventType, type ReportStatus, isPublicEvent } from '@minqing/shared';
import { Attachment, ReportEvent } from '../db/entities';
import type { ActorType, EventData } from '../db/entities/reportEvent';
import { newId } from '../db/ids';
import { insertRows } from '../db/insertRows';
import { badRequest } from '../errors';

export interface NewEvent {
  reportId: string;
  type: ReportEventType;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus;
  actorType: ActorType;
  actorId: string | null;
  departmentId?: string | null;
  note?: string | null;
  data?: EventData | null;
  at: Date;
}

function eventRow(props: NewEvent): ReportEvent {
  return Object.assign(new ReportEvent(), {
    id: newId(),
    reportId: props.reportId,
    type: props.type,
    fromStatus: props.fromStatus,
    toStatus: props.toStatus,
    actorType: props.actorType,
    actorId: props.actorId,
    departmentId: props.departmentId ?? null,
    note: props.note ?? null,
    data: props.data ?? null,
    public: isPublicEvent(props.type),
    createdAt: props.at,
  });
}

/** Appends events to reports' timelines in one statement; events are never changed afterwards. */
export async function appendEvents(manager: EntityManager, events: NewEvent[]): Promise<ReportEvent[]> {
  const rows = events.map(eventRow);
  // Every column is given, so nothing needs reading back after the insert.
  await insertRows(manager, ReportEvent, rows);
  return rows;
}

export async function appendEvent(manager: EntityManager, props: NewEvent): Promise<ReportEvent> {
  const [event] = await appendEvents(manager, [props]);
  return event;
}

/**
 * Binds the caller's own, still unused uploads to a report (and event). The conditional
 * update makes a concurrent second use of the same upload fail instead of stealing it.
 */
export async function bindAttachments(
  manager: EntityManager,
  props: {
    ids: string[];
    ownerType: 'citizen' | 'staff';
    ownerId: string;
    kind: 'photo' | 'voice';
    reportId: string;
    eventId: string;
    field: string;
  },
): Promise<Attachment[]> {
  if (props.ids.length === 0) return [];
  const repository = manager.getRepository(Attachment);
  const found = await repository.findBy({
    id: In(props.ids),
    ownerType: props.ownerType,
    ownerId: props.ownerId,
    kind: props.kind,
    reportId: IsNull(),
  });
  if (found.length !== props.ids.length)
    throw badRequest(props.kind === 'voice' ? '语音文件无效，请重新录制' : '照片无效，请重新上传', props.field);
  const result = await repository.update(
    { id: In(props.ids), reportId: IsNull() },
    { reportId: props.reportId, eventId: props.eventId },
  );
  if ((result.affected ?? props.ids.length) !== props.ids.length)
    throw badRequest('文件已被使用，请重新上传', props.field);
  return found.map((attachment) => Object.assign(attachment, { reportId: props.reportId, eventId: props.eventId }));
}

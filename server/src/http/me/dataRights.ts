import { type DeletionRequest, type DeletionRequestStatus, type MyDataExport, meRoutes } from '@minqing/shared';
import { In } from 'typeorm';
import type { AppDeps } from '../../context';
import type { Citizen } from '../../db/entities';
import { Attachment, Message, Notice, NoticeRead, Region, Report } from '../../db/entities';
import { newId } from '../../db/ids';
import { isUniqueViolation } from '../../db/uniqueViolation';
import { localDateOf } from '../../deadlines/workingCalendar';
import { currentCitizen } from '../../middleware/auth';
import { presentAttachment } from '../../presenters/attachment';
import { presentMessage } from '../../presenters/message';
import { presentMyDataFile } from '../../presenters/myDataFile';
import { presentCitizenReport } from '../../presenters/report';
import { type ApiRouter, implement } from '../implement';

/**
 * 个人信息权益 (PIPL 第四十四条 to 第四十七条): a citizen downloads everything held about them
 * and asks for their account to be deleted. Both act only on the signed-in citizen's own rows.
 */

/** 15 working days, as the privacy policy promises. */
export const DELETION_WORKING_DAYS = 15;

interface DeletionRow {
  id: string;
  citizenId: string;
  status: DeletionRequestStatus;
  reason: string | null;
  dueBy: Date | string;
  createdAt: Date | string;
  handledAt: Date | string | null;
}

/**
 * deletion_requests has no entity (it is written here only): plain SQL valid on SQLite and
 * MySQL/MariaDB. Datetimes are written as UTC `YYYY-MM-DD HH:MM:SS.mmm`, as TypeORM writes them;
 * SQLite reads them back as that string, MySQL (timezone 'Z') as a Date.
 */
const sqlDateTime = (instant: Date) => instant.toISOString().replace('T', ' ').replace('Z', '');
function instantOf(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

const COLUMNS = 'id, citizenId, status, reason, dueBy, createdAt, handledAt';

function dateInWords(instant: Date): string {
  const [year, month, day] = localDateOf(instant).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function whatHappensNext(row: DeletionRow): string {
  const due = dateInWords(instantOf(row.dueBy));
  if (row.status === 'completed') return '您的账号已注销，个人资料已删除。';
  if (row.status === 'rejected') return '您的注销申请未能办理，详情请查看"我的消息"或联系所在村（社区）。';
  return (
    `我们已收到您的注销申请，将在 ${DELETION_WORKING_DAYS} 个工作日内（${due}前）处理。` +
    '处理前工作人员可能与您联系核实身份；注销后，您的昵称、手机号、所属村等个人资料将被删除，' +
    '您反映过的问题会保留办理记录用于统计，但不再与您关联。处理完成前您仍可正常使用。'
  );
}

function presentDeletion(row: DeletionRow): DeletionRequest {
  return {
    id: row.id,
    status: row.status,
    reason: row.reason,
    requestedAt: instantOf(row.createdAt).toISOString(),
    dueBy: instantOf(row.dueBy).toISOString(),
    handledAt: row.handledAt === null ? null : instantOf(row.handledAt).toISOString(),
    message: whatHappensNext(row),
  };
}

async function deletionRequestsOf(deps: AppDeps, citizenId: string): Promise<DeletionRow[]> {
  return deps.dataSource.query(
    `SELECT ${COLUMNS} FROM deletion_requests WHERE citizenId = ? ORDER BY createdAt DESC, id DESC`,
    [citizenId],
  );
}

async function pendingRequestOf(deps: AppDeps, citizenId: string): Promise<DeletionRow | null> {
  const rows: DeletionRow[] = await deps.dataSource.query(
    `SELECT ${COLUMNS} FROM deletion_requests WHERE pendingCitizenId = ?`,
    [citizenId],
  );
  return rows[0] ?? null;
}

/**
 * Records a deletion request, or answers the one already pending: asking twice (or two taps at
 * once — the unique pendingCitizenId decides) never makes a second request.
 */
export async function requestDeletion(
  deps: AppDeps,
  citizen: Citizen,
  reason: string | null,
): Promise<DeletionRequest> {
  const pending = await pendingRequestOf(deps, citizen.id);
  if (pending) return presentDeletion(pending);
  const now = deps.clock();
  const row: DeletionRow = {
    id: newId(),
    citizenId: citizen.id,
    status: 'pending',
    reason,
    // The calendar with the holiday years an operator entered, as deadlines use.
    dueBy: (await deps.reference.snapshot()).calendar.addWorkingDays(now, DELETION_WORKING_DAYS),
    createdAt: now,
    handledAt: null,
  };
  try {
    await deps.dataSource.query(
      'INSERT INTO deletion_requests (id, citizenId, status, pendingCitizenId, reason, dueBy, createdAt, handledAt) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
      [row.id, row.citizenId, row.status, citizen.id, row.reason, sqlDateTime(row.dueBy as Date), sqlDateTime(now)],
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await pendingRequestOf(deps, citizen.id);
    if (winner) return presentDeletion(winner);
    throw error;
  }
  deps.logger.info({ deletionRequestId: row.id }, 'account deletion requested');
  return presentDeletion(row);
}

function decryptOrNull(deps: AppDeps, sealed: string | null): string | null {
  return sealed ? deps.cipher.decrypt(sealed) : null;
}

/** Everything held about one citizen: profile (phone in full), reports with public timelines, messages, uploads, reads. */
export async function exportMyData(deps: AppDeps, citizen: Citizen): Promise<MyDataExport> {
  const manager = deps.dataSource.manager;
  const [village, reports, messages, uploads, reads, deletions] = await Promise.all([
    citizen.villageCode
      ? manager.getRepository(Region).findOneBy({ code: citizen.villageCode })
      : Promise.resolve(null),
    manager.getRepository(Report).find({ where: { citizenId: citizen.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    manager
      .getRepository(Message)
      .find({ where: { recipientType: 'citizen', recipientId: citizen.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    manager
      .getRepository(Attachment)
      .find({ where: { ownerType: 'citizen', ownerId: citizen.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    manager.getRepository(NoticeRead).find({ where: { citizenId: citizen.id }, order: { createdAt: 'ASC' } }),
    deletionRequestsOf(deps, citizen.id),
  ]);
  const noticeIds = reads.map((read) => read.noticeId);
  const notices = noticeIds.length
    ? await manager.getRepository(Notice).find({ where: { id: In(noticeIds) }, select: { id: true, title: true } })
    : [];
  const titles = new Map(notices.map((notice) => [notice.id, notice.title]));

  const exportedReports: MyDataExport['reports'] = [];
  // One at a time: a citizen has few reports, and SQLite has one connection anyway.
  for (const report of reports) {
    exportedReports.push({
      ...(await presentCitizenReport(deps, report)),
      contactPhone: decryptOrNull(deps, report.contactPhoneEncrypted),
    });
  }

  return {
    exportedAt: deps.clock().toISOString(),
    about:
      '这是"321 民情在线"保存的与您有关的全部信息：个人资料、您反映的问题及其公开办理进度、发给您的消息、您上传的照片和语音（可凭登录查看）、您看过的通知。',
    profile: {
      id: citizen.id,
      nickname: citizen.nickname,
      villageCode: citizen.villageCode,
      villageName: village?.name ?? null,
      phone: decryptOrNull(deps, citizen.phoneEncrypted),
      careMode: citizen.careMode,
      wechatOpenid: citizen.openid,
      wechatUnionid: citizen.unionid,
      registeredAt: citizen.createdAt.toISOString(),
    },
    reports: exportedReports,
    messages: messages.map(presentMessage),
    uploads: uploads.map((upload) => ({
      ...presentAttachment(upload),
      reportId: upload.reportId,
      uploadedAt: upload.createdAt.toISOString(),
    })),
    noticeReads: reads.map((read) => ({
      noticeId: read.noticeId,
      title: titles.get(read.noticeId) ?? null,
      readAt: read.createdAt.toISOString(),
    })),
    deletionRequests: deletions.map(presentDeletion),
  };
}

/** Adds 导出我的数据 (the file, labelled in Chinese) and 申请注销账号 to the /me router. */
export function dataRightsRoutes(router: ApiRouter): void {
  implement(router, meRoutes.exportData, async (ctx) => {
    const data = await exportMyData(ctx.deps, currentCitizen(ctx));
    const day = localDateOf(ctx.deps.clock()).replace(/-/g, '');
    ctx.set(
      'Content-Disposition',
      `attachment; filename="minqing-my-data-${day}.json"; filename*=UTF-8''${encodeURIComponent(`我的数据-${day}.json`)}`,
    );
    ctx.set('Cache-Control', 'no-store');
    return presentMyDataFile(data);
  });

  implement(router, meRoutes.requestDeletion, async (ctx, { body }) =>
    requestDeletion(ctx.deps, currentCitizen(ctx), body.reason || null),
  );
}

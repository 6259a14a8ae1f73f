import fs from 'node:fs/promises';
import Router from '@koa/router';
import type { Middleware } from 'koa';
import { koaBody } from 'koa-body';
import { LIMITS, UploadFieldsSchema, uploadRoutes as routes } from '@minqing/shared';
import { storeAttachment } from '../../commands/attachmentStorer';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Attachment, ContentCheck, Notice, Report } from '../../db/entities';
import { type AppError, badRequest, forbidden, notFound, payloadTooLarge } from '../../errors';
import { currentCitizen } from '../../middleware/auth';
import { actionLimit } from '../../middleware/rateLimit';
import { parseBody, pathId } from '../../middleware/validate';
import { canReadAttachment, type AttachmentUser } from '../../policies/attachment';
import { MODERATORS, moderatorCovers } from '../../policies/moderation';
import { presentAttachment } from '../../presenters/attachment';
import { type ApiRouter, authorize, implement } from '../implement';

type UploadMiddleware = Middleware<AppState, { deps: AppDeps }>;

/** Notices keep their image ids as a JSON list; an id is 26 safe characters, so a LIKE finds it. */
async function isPublishedNoticeImage(ctx: AppContext, attachmentId: string): Promise<boolean> {
  const count = await ctx.deps.dataSource
    .getRepository(Notice)
    .createQueryBuilder('notice')
    .where("notice.status = 'published' AND notice.imageUploadIds LIKE :id", { id: `%"${attachmentId}"%` })
    .getCount();
  return count > 0;
}

/** The part of formidable's file record this route reads. */
interface ReceivedFile {
  filepath: string;
  size: number;
}
type ReceivedFiles = Record<string, ReceivedFile | ReceivedFile[] | undefined>;

const FILE_FIELD = 'file';
/** How long a redirect to object storage stays valid: enough to start the download. */
const READ_LINK_SECONDS = 300;
const TOO_LARGE_MESSAGE = `文件不能超过 ${LIMITS.uploadBytesMax / 1024 / 1024}MB`;
/** Room for multipart boundaries, part headers and the durationSeconds field around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function signedInUser(ctx: AppContext): AttachmentUser {
  if (ctx.state.staff) return { type: 'staff', staff: ctx.state.staff };
  return { type: 'citizen', citizen: currentCitizen(ctx) };
}

function multipartError(error: Error & { httpCode?: number; status?: number }): AppError {
  const status = error.httpCode ?? error.status;
  if (status === 413) return payloadTooLarge(TOO_LARGE_MESSAGE);
  return badRequest('上传内容格式不正确，请重新选择文件', FILE_FIELD);
}

const receivedFiles = (ctx: AppContext): ReceivedFile[] =>
  Object.values((ctx.request as { files?: ReceivedFiles }).files ?? {}).flatMap((entry) => entry ?? []);

/**
 * Parses multipart on this route only (the app parses JSON alone), bounded by the upload limit,
 * and always removes formidable's temporary files once the request is answered.
 */
function multipartUpload(): UploadMiddleware {
  const parse = koaBody({
    multipart: true,
    urlencoded: false,
    text: false,
    json: false,
    formidable: {
      maxFileSize: LIMITS.uploadBytesMax,
      maxFields: 20,
      maxFieldsSize: 64 * 1024,
      // Other file parts are never written to disk.
      filter: (part) => part.name === FILE_FIELD,
    },
    onError: (error) => {
      throw multipartError(error);
    },
    // koa-body is typed against its own older copy of @types/koa; the runtime contract is the same.
  }) as unknown as UploadMiddleware;

  return async (ctx, next) => {
    // Refuse an oversized body before reading it, when the client says how large it is.
    if ((ctx.request.length ?? 0) > LIMITS.uploadBytesMax + MULTIPART_OVERHEAD_BYTES)
      throw payloadTooLarge(TOO_LARGE_MESSAGE);
    try {
      await parse(ctx, next);
    } finally {
      await Promise.all(receivedFiles(ctx as AppContext).map((file) => fs.rm(file.filepath, { force: true })));
    }
  };
}

function theUploadedFile(ctx: AppContext): ReceivedFile {
  const entry = (ctx.request as { files?: ReceivedFiles }).files?.[FILE_FIELD];
  if (!entry || (Array.isArray(entry) && entry.length === 0)) throw badRequest('请选择要上传的照片或语音', FILE_FIELD);
  if (Array.isArray(entry) && entry.length > 1) throw badRequest('一次只能上传一个文件', FILE_FIELD);
  const file = Array.isArray(entry) ? entry[0] : entry;
  if (file.size === 0) throw badRequest('文件是空的，请重新选择', FILE_FIELD);
  return file;
}

export function uploadsRouter() {
  const router: ApiRouter = new Router();

  // Multipart: registered from the contract's method and path; the form fields are checked here.
  const { method, path } = routes.upload;
  router[method](
    path,
    ...authorize(routes.upload),
    actionLimit('upload'),
    multipartUpload(),
    async (ctx: AppContext) => {
      const { durationSeconds } = parseBody(ctx, UploadFieldsSchema);
      const file = theUploadedFile(ctx);
      const user = signedInUser(ctx);
      const attachment = await storeAttachment(ctx.deps, {
        ownerType: user.type,
        ownerId: user.type === 'citizen' ? user.citizen.id : user.staff.id,
        bytes: await fs.readFile(file.filepath),
        durationSeconds,
      });
      ctx.status = 201;
      ctx.body = presentAttachment(attachment);
    },
  );

  // The bytes (or a redirect to them): registered from the contract's method and path.
  router[routes.content.method](routes.content.path, ...authorize(routes.content), async (ctx: AppContext) => {
    const attachment = await readableAttachment(ctx);
    // Object storage (OSS): the bytes come from there, through a link valid for a few minutes.
    if (ctx.deps.storage.temporaryUrl) {
      ctx.set('Cache-Control', 'no-store');
      ctx.redirect(await ctx.deps.storage.temporaryUrl(attachment.storageKey, READ_LINK_SECONDS));
      return;
    }
    ctx.set('Cache-Control', 'private');
    // The type was decided by the server from the bytes; browsers must not guess another.
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.type = attachment.contentType;
    ctx.body = await ctx.deps.storage.get(attachment.storageKey);
  });

  /**
   * The short-lived link itself, for clients that cannot follow the redirect: WeChat's downloadFile
   * would carry our Authorization header to OSS, which refuses a request signed twice. Null when
   * the bytes come from this server (GET …/content with the token).
   */
  implement(router, routes.link, async (ctx) => {
    const attachment = await readableAttachment(ctx);
    ctx.set('Cache-Control', 'no-store');
    return {
      url: ctx.deps.storage.temporaryUrl
        ? await ctx.deps.storage.temporaryUrl(attachment.storageKey, READ_LINK_SECONDS)
        : null,
    };
  });

  return router;
}

/** The attachment of `:id` when the signed-in user may read it. */
async function readableAttachment(ctx: AppContext): Promise<Attachment> {
  const attachment = await ctx.deps.dataSource
    .getRepository(Attachment)
    .findOneBy({ id: pathId(ctx, '没有找到这个文件') });
  if (!attachment) throw notFound('没有找到这个文件');
  const report = attachment.reportId
    ? await ctx.deps.dataSource.getRepository(Report).findOneBy({ id: attachment.reportId })
    : null;
  const inPublishedNotice = attachment.ownerType === 'staff' && (await isPublishedNoticeImage(ctx, attachment.id));
  const heldForTheirReview = await isHeldForReviewBy(ctx, attachment);
  if (!canReadAttachment(signedInUser(ctx), attachment, { report, inPublishedNotice, heldForTheirReview }))
    throw forbidden('您没有权限查看这个文件');
  return attachment;
}

/** Media held for 内容审核 in the signed-in moderator's region: they must see what they decide on. */
async function isHeldForReviewBy(ctx: AppContext, attachment: Attachment): Promise<boolean> {
  const staff = ctx.state.staff;
  if (!staff || !(MODERATORS as readonly string[]).includes(staff.role)) return false;
  const held = await ctx.deps.dataSource
    .getRepository(ContentCheck)
    .findBy({ subjectType: 'attachment', subjectId: attachment.id, moderation: 'held' });
  return held.some((check) => moderatorCovers(staff, check.regionCode));
}

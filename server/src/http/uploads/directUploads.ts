import Router from '@koa/router';
import { LIMITS, PHOTO_TYPES, VOICE_TYPES, uploadRoutes as routes } from '@minqing/shared';
import { storeAttachment } from '../../commands/attachmentStorer';
import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import { AppError, forbidden, notFound, payloadTooLarge, unsupportedMediaType } from '../../errors';
import { actionLimit } from '../../middleware/rateLimit';
import { presentAttachment } from '../../presenters/attachment';
import { type DirectUploadStorage, supportsDirectUpload } from '../../storage/directUpload';
import { type ApiRouter, type Guard, implement } from '../implement';
import { signedInUser } from './uploads';

/** Long enough for a slow village link to send 10 MB, short enough to be useless if leaked. */
const POLICY_LIFETIME_MS = 10 * 60_000;
const TYPES = { photo: PHOTO_TYPES, voice: VOICE_TYPES } as const;
const ALLOWED_TYPES: readonly string[] = [...PHOTO_TYPES, ...VOICE_TYPES];

/** Each uploader has their own prefix: a policy never lets one write where another's files are. */
function keyPrefixOf(ctx: AppContext): string {
  const user = signedInUser(ctx);
  return `incoming/${user.type}-${user.type === 'citizen' ? user.citizen.id : user.staff.id}/`;
}

function directStorage(ctx: AppContext): DirectUploadStorage {
  if (!supportsDirectUpload(ctx.deps.storage)) throw notFound('请使用 POST /uploads 上传');
  return ctx.deps.storage;
}

/**
 * Direct upload to object storage (OSS): the server hands out a V4 post policy for one key under
 * the uploader's own prefix, the client posts the file to OSS, then asks the server to confirm
 * it. Only a confirmed object becomes an attachment a report may reference: its size and type
 * are checked, its bytes sniffed, a photo re-encoded without EXIF/GPS like any upload, and the
 * incoming object removed.
 */
export function directUploadsRouter() {
  const router: ApiRouter = new Router();
  // Without object storage the answer is 404, whatever the body says.
  const uploaders: readonly Guard[] = [
    actionLimit('upload'),
    (ctx, next) => {
      directStorage(ctx as AppContext);
      return next();
    },
  ];

  implement(router, routes.mode, (ctx) => ({ direct: supportsDirectUpload(ctx.deps.storage) }));

  implement(router, routes.direct, uploaders, async (ctx, { body: { kind } }) => {
    const storage = directStorage(ctx);
    const keyPrefix = keyPrefixOf(ctx);
    const now = ctx.deps.clock();
    return storage.postPolicy({
      keyPrefix,
      key: `${keyPrefix}${newId()}`,
      maxBytes: LIMITS.uploadBytesMax,
      contentTypes: TYPES[kind],
      expiresAt: new Date(now.getTime() + POLICY_LIFETIME_MS),
      now,
    });
  });

  implement(router, routes.confirmDirect, uploaders, async (ctx, { body: { key, durationSeconds } }) => {
    const storage = directStorage(ctx);
    if (!key.startsWith(keyPrefixOf(ctx)) || key.includes('..')) throw forbidden('这不是您上传的文件');
    let head: Awaited<ReturnType<DirectUploadStorage['head']>>;
    try {
      head = await storage.head(key);
    } catch {
      throw new AppError(502, 'internal_error', '文件存储暂时无法连接，请稍后再试');
    }
    if (!head) throw notFound('没有找到上传的文件，请重新上传');
    const discard = () => storage.delete(key).catch(() => undefined);
    if (head.size > LIMITS.uploadBytesMax) {
      await discard();
      throw payloadTooLarge(`文件不能超过 ${LIMITS.uploadBytesMax / 1024 / 1024}MB`);
    }
    if (!ALLOWED_TYPES.includes(head.contentType.split(';')[0].trim())) {
      await discard();
      throw unsupportedMediaType('只能上传照片或语音');
    }
    const user = signedInUser(ctx);
    try {
      const attachment = await storeAttachment(ctx.deps, {
        ownerType: user.type,
        ownerId: user.type === 'citizen' ? user.citizen.id : user.staff.id,
        bytes: await storage.get(key),
        durationSeconds,
      });
      return presentAttachment(attachment);
    } finally {
      // Kept or refused, the incoming copy has served its purpose.
      await discard();
    }
  });

  return router;
}

import fs from 'node:fs/promises';
import Router from '@koa/router';
import type { Middleware } from 'koa';
import { LIMITS, contentFileRoutes as routes } from '@minqing/shared';
import { removeContentFile, storeContentFile } from '../../commands/contentFileStorer';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Article, ContentFileRow, Notice } from '../../db/entities';
import type { ContentFileTarget } from '../../db/entities/contentFile';
import { forbidden, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { multipartFile, theUploadedFile } from '../../middleware/multipartFile';
import { actionLimit } from '../../middleware/rateLimit';
import { type Publication, publicationScopeRefusal } from '../../policies/content';
import { presentContentFile } from '../../presenters/contentFile';
import { type ApiRouter, authorize, implement } from '../implement';

type RouteMiddleware = Middleware<AppState, { deps: AppDeps }>;

const TOO_LARGE_MESSAGE = `附件不能超过 ${LIMITS.uploadBytesMax / 1024 / 1024}MB`;

interface Published extends Publication {
  visibleToCitizens: boolean;
}

const NAMES: Record<ContentFileTarget, string> = { notice: '公告', article: '文章' };

/** The notice or article a file belongs to; a notice is visible once published and until it expires. */
async function loadTarget(ctx: AppContext, type: ContentFileTarget, id: string): Promise<Published | null> {
  const now = ctx.deps.clock();
  if (type === 'notice') {
    const notice = await ctx.deps.dataSource.getRepository(Notice).findOneBy({ id });
    if (!notice) return null;
    const live = notice.status === 'published' && (notice.expiresAt === null || notice.expiresAt > now);
    return { regionCode: notice.regionCode, status: notice.status, visibleToCitizens: live };
  }
  const article = await ctx.deps.dataSource.getRepository(Article).findOneBy({ id });
  return article
    ? { regionCode: article.regionCode, status: article.status, visibleToCitizens: article.status === 'published' }
    : null;
}

/** For staff: the target exists and the caller may manage it, by the same rule as the notice or article itself. */
async function targetInScope(
  ctx: AppContext,
  type: ContentFileTarget,
): Promise<{ type: ContentFileTarget; id: string }> {
  const id = pathId(ctx, `${NAMES[type]}不存在`);
  const target = await loadTarget(ctx, type, id);
  if (!target) throw notFound(`${NAMES[type]}不存在`);
  const refusal = publicationScopeRefusal(currentStaff(ctx), type, target);
  if (refusal) throw forbidden(refusal.message);
  return { type, id };
}

async function filesOf(ctx: AppContext, type: ContentFileTarget, id: string): Promise<ContentFileRow[]> {
  return ctx.deps.dataSource
    .getRepository(ContentFileRow)
    .find({ where: { targetType: type, targetId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
}

/** `attachment` with an ASCII fallback name and the real one in RFC 5987 form. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function sendFile(ctx: AppContext, file: ContentFileRow): Promise<void> {
  ctx.set('Cache-Control', 'private');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Disposition', contentDisposition(file.fileName));
  ctx.type = file.contentType;
  ctx.body = await ctx.deps.storage.get(file.storageKey);
}

/** 附件 of notices and articles: staff add and remove them; citizens list and download published ones. */
export function contentFilesRouter() {
  const router: ApiRouter = new Router();

  for (const type of ['notice', 'article'] as const) {
    const contracts = routes[type];

    implement(router, contracts.list, async (ctx) => {
      const target = await targetInScope(ctx, type);
      return (await filesOf(ctx, type, target.id)).map((file) => presentContentFile(file, 'staff'));
    });

    // Multipart: registered from the contract's method and path, the file read by multipartFile.
    router[contracts.add.method](
      contracts.add.path,
      ...authorize(contracts.add),
      actionLimit('upload'),
      (async (ctx, next) => {
        // Scope first, so nobody outside it gets as far as sending the bytes.
        await targetInScope(ctx as AppContext, type);
        await next();
      }) satisfies RouteMiddleware,
      multipartFile(TOO_LARGE_MESSAGE),
      async (ctx: AppContext) => {
        const file = theUploadedFile(ctx, '附件');
        const stored = await storeContentFile(ctx.deps, {
          staff: currentStaff(ctx),
          target: { type, id: ctx.params.id },
          fileName: file.originalFilename ?? null,
          bytes: await fs.readFile(file.filepath),
          ip: ctx.ip,
        });
        ctx.status = 201;
        ctx.body = presentContentFile(stored, 'staff');
      },
    );

    implement(router, contracts.remove, async (ctx) => {
      const target = await targetInScope(ctx, type);
      const file = await ctx.deps.dataSource
        .getRepository(ContentFileRow)
        .findOneBy({ id: pathId(ctx, '附件不存在', 'fileId'), targetType: type, targetId: target.id });
      if (!file) throw notFound('附件不存在');
      await removeContentFile(ctx.deps, { staff: currentStaff(ctx), file, ip: ctx.ip });
      return null;
    });

    implement(router, contracts.published, async (ctx) => {
      const id = pathId(ctx, `${NAMES[type]}不存在或已撤回`);
      const target = await loadTarget(ctx, type, id);
      if (!target?.visibleToCitizens) throw notFound(`${NAMES[type]}不存在或已撤回`);
      return (await filesOf(ctx, type, id)).map((file) => presentContentFile(file, 'citizen'));
    });
  }

  // File downloads: registered from the contracts' method and path, answered with the bytes.
  router[routes.download.method](routes.download.path, ...authorize(routes.download), async (ctx: AppContext) => {
    const fileId = pathId(ctx, '附件不存在或已撤回', 'fileId');
    const file = await ctx.deps.dataSource.getRepository(ContentFileRow).findOneBy({ id: fileId });
    const target = file ? await loadTarget(ctx, file.targetType, file.targetId) : null;
    // Drafts, withdrawn and expired items do not exist as far as citizens can tell.
    if (!file || !target?.visibleToCitizens) throw notFound('附件不存在或已撤回');
    await sendFile(ctx, file);
  });

  router[routes.staffDownload.method](
    routes.staffDownload.path,
    ...authorize(routes.staffDownload),
    async (ctx: AppContext) => {
      const fileId = pathId(ctx, '附件不存在', 'fileId');
      const file = await ctx.deps.dataSource.getRepository(ContentFileRow).findOneBy({ id: fileId });
      if (!file) throw notFound('附件不存在');
      const target = await loadTarget(ctx, file.targetType, file.targetId);
      if (!target || publicationScopeRefusal(currentStaff(ctx), file.targetType, target))
        throw forbidden('这个附件不在您负责的区域');
      await sendFile(ctx, file);
    },
  );

  return router;
}

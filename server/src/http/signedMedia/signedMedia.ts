import Router from '@koa/router';
import { IdSchema, wechatRoutes } from '@minqing/shared';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Attachment } from '../../db/entities';
import { forbidden, notFound } from '../../errors';
import { MediaUrlSigner } from '../../storage/signedMediaUrl';

/**
 * An attachment's bytes for whoever holds a valid, unexpired signed link — WeChat's content
 * security fetching a photo or voice clip to check it (commands/contentCheckRunner). No account.
 */
export function signedMediaRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();

  // The bytes, for a signed link (no query validation: a bad signature is 403): from the contract's method and path.
  const { method, path } = wechatRoutes.signedMedia;
  router[method](path, async (ctx: AppContext) => {
    const id = IdSchema.safeParse(ctx.params.id);
    const signer = new MediaUrlSigner(ctx.deps.config.tokenSecret);
    if (!id.success || !signer.verify(id.data, ctx.query, ctx.deps.clock())) throw forbidden('链接无效或已过期');
    const attachment = await ctx.deps.dataSource.getRepository(Attachment).findOneBy({ id: id.data });
    if (!attachment) throw notFound('没有找到这个文件');
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.type = attachment.contentType;
    ctx.body = await ctx.deps.storage.get(attachment.storageKey);
  });

  return router;
}

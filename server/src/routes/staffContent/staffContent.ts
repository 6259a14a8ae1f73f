import Router from '@koa/router';
import { Like } from 'typeorm';
import type { Page, PublicationStatus, StaffArticle, StaffNotice } from '@minqing/shared';
import {
  ArticleInputSchema,
  ArticlePatchSchema,
  NoticeInputSchema,
  NoticePatchSchema,
  StaffContentQuerySchema,
} from '@minqing/shared';
import { createArticle, reviseArticle, switchArticlePublication } from '../../commands/articlePublisher';
import { createNotice, reviseNotice, switchNoticePublication } from '../../commands/noticePublisher';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Article, Notice } from '../../db/entities';
import { forbidden, notFound } from '../../errors';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseBody, parseQuery, pathId } from '../../middleware/validate';
import { ARTICLE_PUBLISHER_ROLES, PUBLISHER_ROLES, staffCanPublishIn } from '../../policies/content';
import { presentStaffArticle, presentStaffNotices } from '../../presenters/content';
import { pageWindow } from '../paging';

/** Loads a notice and checks, right away, that it lies in the caller's subtree. */
async function noticeInScope(ctx: AppContext): Promise<Notice> {
  const notice = await ctx.deps.dataSource.getRepository(Notice).findOneBy({ id: pathId(ctx, '公告不存在') });
  if (!notice) throw notFound('公告不存在');
  if (!staffCanPublishIn(currentStaff(ctx), notice.regionCode)) throw forbidden('这条公告不在您负责的区域');
  return notice;
}

async function articleInScope(ctx: AppContext): Promise<Article> {
  const article = await ctx.deps.dataSource.getRepository(Article).findOneBy({ id: pathId(ctx, '文章不存在') });
  if (!article) throw notFound('文章不存在');
  if (!staffCanPublishIn(currentStaff(ctx), article.regionCode)) throw forbidden('这篇文章不在您负责的区域');
  return article;
}

async function presentOneNotice(ctx: AppContext, notice: Notice): Promise<StaffNotice> {
  const [presented] = await presentStaffNotices(ctx.deps.dataSource.manager, [notice]);
  return presented;
}

/** The caller's subtree (region codes are prefixes), any status unless one is asked for, newest first. */
function listQuery(ctx: AppContext) {
  const query = parseQuery(ctx, StaffContentQuerySchema);
  const status: { status?: PublicationStatus } = query.status ? { status: query.status } : {};
  return {
    page: query.page,
    pageSize: query.pageSize,
    find: {
      where: { ...status, regionCode: Like(`${currentStaff(ctx).regionCode}%`) },
      order: { createdAt: 'DESC' as const, id: 'DESC' as const },
      ...pageWindow(query),
    },
  };
}

/** 政务村务 and 消息推送 as their authors manage them: drafts, edits, publishing, withdrawal. */
export function staffContentRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff' });
  const noticeStaff = staffAuth(PUBLISHER_ROLES);
  const articleStaff = staffAuth(ARTICLE_PUBLISHER_ROLES);

  router.get('/notices', noticeStaff, async (ctx: AppContext) => {
    const { page, pageSize, find } = listQuery(ctx);
    const [notices, total] = await ctx.deps.dataSource.getRepository(Notice).findAndCount(find);
    const body: Page<StaffNotice> = {
      items: await presentStaffNotices(ctx.deps.dataSource.manager, notices),
      total,
      page,
      pageSize,
    };
    ctx.body = body;
  });

  router.post('/notices', noticeStaff, async (ctx: AppContext) => {
    const input = parseBody(ctx, NoticeInputSchema);
    const notice = await createNotice(ctx.deps, { staff: currentStaff(ctx), input, ip: ctx.ip });
    ctx.status = 201;
    ctx.body = await presentOneNotice(ctx, notice);
  });

  router.get('/notices/:id', noticeStaff, async (ctx: AppContext) => {
    ctx.body = await presentOneNotice(ctx, await noticeInScope(ctx));
  });

  router.patch('/notices/:id', noticeStaff, async (ctx: AppContext) => {
    const notice = await noticeInScope(ctx);
    const patch = parseBody(ctx, NoticePatchSchema);
    ctx.body = await presentOneNotice(
      ctx,
      await reviseNotice(ctx.deps, { staff: currentStaff(ctx), notice, patch, ip: ctx.ip }),
    );
  });

  for (const action of ['publish', 'withdraw'] as const) {
    router.post(`/notices/:id/${action}`, noticeStaff, async (ctx: AppContext) => {
      const notice = await noticeInScope(ctx);
      ctx.body = await presentOneNotice(
        ctx,
        await switchNoticePublication(ctx.deps, { staff: currentStaff(ctx), notice, action, ip: ctx.ip }),
      );
    });
  }

  router.get('/articles', articleStaff, async (ctx: AppContext) => {
    const { page, pageSize, find } = listQuery(ctx);
    const [articles, total] = await ctx.deps.dataSource.getRepository(Article).findAndCount(find);
    const body: Page<StaffArticle> = { items: articles.map(presentStaffArticle), total, page, pageSize };
    ctx.body = body;
  });

  router.post('/articles', articleStaff, async (ctx: AppContext) => {
    const input = parseBody(ctx, ArticleInputSchema);
    const article = await createArticle(ctx.deps, { staff: currentStaff(ctx), input, ip: ctx.ip });
    ctx.status = 201;
    ctx.body = presentStaffArticle(article);
  });

  router.get('/articles/:id', articleStaff, async (ctx: AppContext) => {
    ctx.body = presentStaffArticle(await articleInScope(ctx));
  });

  router.patch('/articles/:id', articleStaff, async (ctx: AppContext) => {
    const article = await articleInScope(ctx);
    const patch = parseBody(ctx, ArticlePatchSchema);
    ctx.body = presentStaffArticle(
      await reviseArticle(ctx.deps, { staff: currentStaff(ctx), article, patch, ip: ctx.ip }),
    );
  });

  for (const action of ['publish', 'withdraw'] as const) {
    router.post(`/articles/:id/${action}`, articleStaff, async (ctx: AppContext) => {
      const article = await articleInScope(ctx);
      ctx.body = presentStaffArticle(
        await switchArticlePublication(ctx.deps, { staff: currentStaff(ctx), article, action, ip: ctx.ip }),
      );
    });
  }

  return router;
}

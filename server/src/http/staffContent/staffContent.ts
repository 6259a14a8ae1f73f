import Router from '@koa/router';
import { Like } from 'typeorm';
import type { PublicationStatus, StaffContentQuery, StaffNotice } from '@minqing/shared';
import { staffArticleRoutes as articles, staffNoticeRoutes as notices } from '@minqing/shared';
import { createArticle, reviseArticle, switchArticlePublication } from '../../commands/articlePublisher';
import { createNotice, reviseNotice, switchNoticePublication } from '../../commands/noticePublisher';
import type { AppContext } from '../../context';
import { Article, Notice } from '../../db/entities';
import { forbidden, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { staffCanPublishIn } from '../../policies/content';
import { presentStaffArticle, presentStaffNotices } from '../../presenters/content';
import { type ApiRouter, implement } from '../implement';
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
function listFind(ctx: AppContext, query: StaffContentQuery) {
  const status: { status?: PublicationStatus } = query.status ? { status: query.status } : {};
  return {
    where: { ...status, regionCode: Like(`${currentStaff(ctx).regionCode}%`) },
    order: { createdAt: 'DESC' as const, id: 'DESC' as const },
    ...pageWindow(query),
  };
}

/** 政务村务 and 消息推送 as their authors manage them: drafts, edits, publishing, withdrawal. */
export function staffContentRouter() {
  const router: ApiRouter = new Router();

  implement(router, notices.list, async (ctx, { query }) => {
    const [rows, total] = await ctx.deps.dataSource.getRepository(Notice).findAndCount(listFind(ctx, query));
    const items = await presentStaffNotices(ctx.deps.dataSource.manager, rows);
    return { items, total, page: query.page, pageSize: query.pageSize };
  });

  implement(router, notices.create, async (ctx, { body: input }) => {
    const notice = await createNotice(ctx.deps, { staff: currentStaff(ctx), input, ip: ctx.ip });
    return presentOneNotice(ctx, notice);
  });

  implement(router, notices.get, async (ctx) => presentOneNotice(ctx, await noticeInScope(ctx)));

  implement(router, notices.update, async (ctx, { body: patch }) => {
    const notice = await noticeInScope(ctx);
    return presentOneNotice(ctx, await reviseNotice(ctx.deps, { staff: currentStaff(ctx), notice, patch, ip: ctx.ip }));
  });

  for (const action of ['publish', 'withdraw'] as const) {
    implement(router, notices[action], async (ctx) => {
      const notice = await noticeInScope(ctx);
      return presentOneNotice(
        ctx,
        await switchNoticePublication(ctx.deps, { staff: currentStaff(ctx), notice, action, ip: ctx.ip }),
      );
    });
  }

  implement(router, articles.list, async (ctx, { query }) => {
    const [rows, total] = await ctx.deps.dataSource.getRepository(Article).findAndCount(listFind(ctx, query));
    return { items: rows.map(presentStaffArticle), total, page: query.page, pageSize: query.pageSize };
  });

  implement(router, articles.create, async (ctx, { body: input }) => {
    const article = await createArticle(ctx.deps, { staff: currentStaff(ctx), input, ip: ctx.ip });
    return presentStaffArticle(article);
  });

  implement(router, articles.get, async (ctx) => presentStaffArticle(await articleInScope(ctx)));

  implement(router, articles.update, async (ctx, { body: patch }) => {
    const article = await articleInScope(ctx);
    return presentStaffArticle(await reviseArticle(ctx.deps, { staff: currentStaff(ctx), article, patch, ip: ctx.ip }));
  });

  for (const action of ['publish', 'withdraw'] as const) {
    implement(router, articles[action], async (ctx) => {
      const article = await articleInScope(ctx);
      return presentStaffArticle(
        await switchArticlePublication(ctx.deps, { staff: currentStaff(ctx), article, action, ip: ctx.ip }),
      );
    });
  }

  return router;
}

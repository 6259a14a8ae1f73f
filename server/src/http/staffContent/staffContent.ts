import Router from '@koa/router';
import { Like } from 'typeorm';
import type { PublicationAction, PublicationStatus, StaffContentQuery, StaffNotice } from '@minqing/shared';
import { staffArticleRoutes as articles, staffNoticeRoutes as notices } from '@minqing/shared';
import { createArticle, reviseArticle, switchArticlePublication } from '../../commands/articlePublisher';
import { createNotice, reviseNotice, switchNoticePublication } from '../../commands/noticePublisher';
import type { AppContext } from '../../context';
import { Article, Notice } from '../../db/entities';
import { forbidden, invalidTransition, notFound } from '../../errors';
import { currentStaff } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import {
  type Publication,
  type PublicationKind,
  publicationRefusal,
  publicationScopeRefusal,
} from '../../policies/content';
import { presentStaffArticle, presentStaffNotices } from '../../presenters/content';
import { type ApiRouter, implement } from '../implement';
import { pageWindow } from '../paging';

/**
 * What the policy says of the caller and a notice or article just loaded: it must lie in their
 * subtree, and they must be allowed `action` on it when one is given.
 */
function checkPolicy(ctx: AppContext, kind: PublicationKind, item: Publication, action?: PublicationAction): void {
  const staff = currentStaff(ctx);
  const refusal = action ? publicationRefusal(staff, kind, item, action) : publicationScopeRefusal(staff, kind, item);
  if (refusal) throw refusal.status === 403 ? forbidden(refusal.message) : invalidTransition(refusal.message);
}

async function loadNotice(ctx: AppContext, action?: PublicationAction): Promise<Notice> {
  const notice = await ctx.deps.dataSource.getRepository(Notice).findOneBy({ id: pathId(ctx, '公告不存在') });
  if (!notice) throw notFound('公告不存在');
  checkPolicy(ctx, 'notice', notice, action);
  return notice;
}

async function loadArticle(ctx: AppContext, action?: PublicationAction): Promise<Article> {
  const article = await ctx.deps.dataSource.getRepository(Article).findOneBy({ id: pathId(ctx, '文章不存在') });
  if (!article) throw notFound('文章不存在');
  checkPolicy(ctx, 'article', article, action);
  return article;
}

async function presentOneNotice(ctx: AppContext, notice: Notice): Promise<StaffNotice> {
  const [presented] = await presentStaffNotices(ctx.deps.dataSource.manager, [notice], currentStaff(ctx));
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
    const items = await presentStaffNotices(ctx.deps.dataSource.manager, rows, currentStaff(ctx));
    return { items, total, page: query.page, pageSize: query.pageSize };
  });

  implement(router, notices.create, async (ctx, { body: input }) => {
    const notice = await createNotice(ctx.deps, { staff: currentStaff(ctx), input, ip: ctx.ip });
    return presentOneNotice(ctx, notice);
  });

  implement(router, notices.get, async (ctx) => presentOneNotice(ctx, await loadNotice(ctx)));

  implement(router, notices.update, async (ctx, { body: patch }) => {
    const notice = await loadNotice(ctx, 'edit');
    return presentOneNotice(ctx, await reviseNotice(ctx.deps, { staff: currentStaff(ctx), notice, patch, ip: ctx.ip }));
  });

  for (const action of ['publish', 'withdraw'] as const) {
    implement(router, notices[action], async (ctx) => {
      const notice = await loadNotice(ctx, action);
      return presentOneNotice(
        ctx,
        await switchNoticePublication(ctx.deps, { staff: currentStaff(ctx), notice, action, ip: ctx.ip }),
      );
    });
  }

  implement(router, articles.list, async (ctx, { query }) => {
    const staff = currentStaff(ctx);
    const [rows, total] = await ctx.deps.dataSource.getRepository(Article).findAndCount(listFind(ctx, query));
    const items = rows.map((article) => presentStaffArticle(article, staff));
    return { items, total, page: query.page, pageSize: query.pageSize };
  });

  implement(router, articles.create, async (ctx, { body: input }) => {
    const staff = currentStaff(ctx);
    return presentStaffArticle(await createArticle(ctx.deps, { staff, input, ip: ctx.ip }), staff);
  });

  implement(router, articles.get, async (ctx) => presentStaffArticle(await loadArticle(ctx), currentStaff(ctx)));

  implement(router, articles.update, async (ctx, { body: patch }) => {
    const staff = currentStaff(ctx);
    const article = await loadArticle(ctx, 'edit');
    return presentStaffArticle(await reviseArticle(ctx.deps, { staff, article, patch, ip: ctx.ip }), staff);
  });

  for (const action of ['publish', 'withdraw'] as const) {
    implement(router, articles[action], async (ctx) => {
      const staff = currentStaff(ctx);
      const article = await loadArticle(ctx, action);
      return presentStaffArticle(
        await switchArticlePublication(ctx.deps, { staff, article, action, ip: ctx.ip }),
        staff,
      );
    });
  }

  return router;
}

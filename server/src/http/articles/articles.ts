import Router from '@koa/router';
import { type ArticleCategory, articleRoutes as routes } from '@minqing/shared';
import { countArticleView } from '../../commands/readCounter';
import { Article } from '../../db/entities';
import { notFound } from '../../errors';
import { pathId } from '../../middleware/validate';
import { presentArticle } from '../../presenters/content';
import { type ApiRouter, implement } from '../implement';
import { pageWindow } from '../paging';

/** 消息推送: policy information and 办事指南 for the whole county, newest first. */
export function articlesRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.list, async (ctx, { query }) => {
    const category: { category?: ArticleCategory } = query.category ? { category: query.category } : {};
    const [articles, total] = await ctx.deps.dataSource.getRepository(Article).findAndCount({
      where: { ...category, status: 'published' },
      order: { publishedAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    return { items: articles.map(presentArticle), total, page: query.page, pageSize: query.pageSize };
  });

  implement(router, routes.detail, async (ctx) => {
    const article = await ctx.deps.dataSource
      .getRepository(Article)
      .findOneBy({ id: pathId(ctx, '文章不存在或已撤回'), status: 'published' });
    if (!article) throw notFound('文章不存在或已撤回');
    await countArticleView(ctx.deps, article.id);
    article.readCount += 1;
    return presentArticle(article);
  });

  return router;
}

import Router from '@koa/router';
import type { Article as ArticleDto, ArticleCategory, Page } from '@minqing/shared';
import { ArticleListQuerySchema } from '@minqing/shared';
import { countArticleView } from '../../commands/readCounter';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Article } from '../../db/entities';
import { notFound } from '../../errors';
import { citizenAuth } from '../../middleware/auth';
import { parseQuery, pathId } from '../../middleware/validate';
import { presentArticle } from '../../presenters/content';
import { pageWindow } from '../paging';

/** 消息推送: policy information and 办事指南 for the whole county, newest first. */
export function articlesRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/articles' });

  router.get('/', citizenAuth(), async (ctx: AppContext) => {
    const query = parseQuery(ctx, ArticleListQuerySchema);
    const category: { category?: ArticleCategory } = query.category ? { category: query.category } : {};
    const [articles, total] = await ctx.deps.dataSource.getRepository(Article).findAndCount({
      where: { ...category, status: 'published' },
      order: { publishedAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    const body: Page<ArticleDto> = {
      items: articles.map(presentArticle),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
    ctx.body = body;
  });

  router.get('/:id', citizenAuth(), async (ctx: AppContext) => {
    const article = await ctx.deps.dataSource
      .getRepository(Article)
      .findOneBy({ id: pathId(ctx, '文章不存在或已撤回'), status: 'published' });
    if (!article) throw notFound('文章不存在或已撤回');
    await countArticleView(ctx.deps, article.id);
    article.readCount += 1;
    ctx.body = presentArticle(article);
  });

  return router;
}

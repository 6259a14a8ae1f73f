import Router from '@koa/router';
import type { FindOptionsWhere } from 'typeorm';
import { In, IsNull, MoreThan } from 'typeorm';
import { type NoticeCategory, noticeRoutes as routes } from '@minqing/shared';
import { countNoticeRead } from '../../commands/readCounter';
import type { AppContext } from '../../context';
import { Notice, Region } from '../../db/entities';
import { badRequest, notFound } from '../../errors';
import { currentCitizen } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { regionsVisibleFrom } from '../../policies/content';
import { presentNotices } from '../../presenters/content';
import { type ApiRouter, implement } from '../implement';
import { pageWindow } from '../paging';

/**
 * The village whose notice board the citizen is looking at: the one asked for (a citizen may
 * look at a relative's village), else their own.
 */
async function boardVillage(ctx: AppContext, asked: string | undefined): Promise<string> {
  if (asked) {
    const village = await ctx.deps.dataSource.getRepository(Region).findOneBy({ code: asked, level: 'village' });
    if (!village) throw badRequest('没有这个村(社区)', 'villageCode');
    return village.code;
  }
  const own = currentCitizen(ctx).villageCode;
  if (!own) throw badRequest('请先选择您所在的村(社区)', 'villageCode');
  return own;
}

/** Published, not yet expired, addressed to the village or one of its ancestors. */
function visibleOnBoard(
  villageCode: string,
  now: Date,
  extra: FindOptionsWhere<Notice> = {},
): FindOptionsWhere<Notice>[] {
  const visible = { ...extra, regionCode: In(regionsVisibleFrom(villageCode)), status: 'published' as const };
  return [
    { ...visible, expiresAt: IsNull() },
    { ...visible, expiresAt: MoreThan(now) },
  ];
}

/** 政务村务: the notice board of a village, with what its township and county posted. */
export function noticesRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.list, async (ctx, { query }) => {
    const villageCode = await boardVillage(ctx, query.villageCode);
    const category: { category?: NoticeCategory } = query.category ? { category: query.category } : {};
    const [notices, total] = await ctx.deps.dataSource.getRepository(Notice).findAndCount({
      where: visibleOnBoard(villageCode, ctx.deps.clock(), category),
      // Pinned notices stay on top; ids break ties so pages never overlap.
      order: { pinned: 'DESC', publishedAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    return {
      items: await presentNotices(ctx.deps.dataSource.manager, notices),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  /** Opening a notice counts one reader, however often the same citizen opens it. */
  implement(router, routes.detail, async (ctx, { query }) => {
    const villageCode = await boardVillage(ctx, query.villageCode);
    const notice = await ctx.deps.dataSource
      .getRepository(Notice)
      .findOne({ where: visibleOnBoard(villageCode, ctx.deps.clock(), { id: pathId(ctx, '公告不存在或已撤回') }) });
    if (!notice) throw notFound('公告不存在或已撤回');
    const firstRead = await countNoticeRead(ctx.deps, { noticeId: notice.id, citizenId: currentCitizen(ctx).id });
    if (firstRead) notice.readCount += 1;
    const [presented] = await presentNotices(ctx.deps.dataSource.manager, [notice]);
    return presented;
  });

  return router;
}

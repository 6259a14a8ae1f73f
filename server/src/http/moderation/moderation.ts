import Router from '@koa/router';
import { levelOfCode, moderationRoutes as routes, subtreePattern } from '@minqing/shared';
import { Brackets } from 'typeorm';
import { recordAudit } from '../../commands/auditRecorder';
import { moderateContent } from '../../commands/contentModerator';
import { ContentCheck } from '../../db/entities';
import { currentStaff } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { presentModerationItems } from '../../presenters/moderation';
import { type ApiRouter, implement } from '../implement';
import { paged } from '../paging';

/**
 * 内容审核: the citizen text and media WeChat rated `review` (or `risky` after they were
 * stored, or could not check at all), held until a moderator in whose region it was written
 * releases or rejects it. Content without a region (a nickname of a citizen with no village)
 * falls to the whole county's moderators.
 */
export function moderationRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.list, async (ctx, { query }) => {
    const staff = currentStaff(ctx);
    const builder = ctx.deps.dataSource
      .getRepository(ContentCheck)
      .createQueryBuilder('c')
      .where('c.moderation = :state', { state: query.state })
      .andWhere(
        new Brackets((scope) => {
          scope.where('c.regionCode LIKE :prefix', { prefix: subtreePattern(staff.regionCode) });
          if (levelOfCode(staff.regionCode) === 'county') scope.orWhere('c.regionCode IS NULL');
        }),
      );
    if (query.reportId) builder.andWhere('c.reportId = :reportId', { reportId: query.reportId });
    const [rows, total] = await paged(
      builder.orderBy('c.createdAt', 'DESC').addOrderBy('c.id', 'DESC'),
      query,
    ).getManyAndCount();
    return {
      items: await presentModerationItems(ctx.deps.dataSource.manager, rows),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.decide, async (ctx, { body: { decision } }) => {
    const staff = currentStaff(ctx);
    const checkId = pathId(ctx, '没有找到该内容');
    const check = await moderateContent(ctx.deps, { staff, checkId, decision });
    await recordAudit(ctx.deps.dataSource.manager, {
      staff,
      action: `moderation.${decision}`,
      targetType: 'content_check',
      targetId: check.id,
      ip: ctx.ip,
      detail: check.field,
    });
    const [item] = await presentModerationItems(ctx.deps.dataSource.manager, [check]);
    return item;
  });

  return router;
}

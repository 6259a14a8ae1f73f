import Router from '@koa/router';
import { ModerationDecisionRequestSchema, ModerationQuerySchema, levelOfCode, subtreePattern } from '@minqing/shared';
import { Brackets } from 'typeorm';
import { recordAudit } from '../../commands/auditRecorder';
import { moderateContent } from '../../commands/contentModerator';
import type { AppContext, AppDeps, AppState } from '../../context';
import { ContentCheck } from '../../db/entities';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseBody, parseQuery, pathId } from '../../middleware/validate';
import { MODERATORS } from '../../policies/moderation';
import { presentModerationItems } from '../../presenters/moderation';
import { paged } from '../paging';

/**
 * 内容审核: the citizen text and media WeChat rated `review` (or `risky` after they were
 * stored, or could not check at all), held until a moderator in whose region it was written
 * releases or rejects it. Content without a region (a nickname of a citizen with no village)
 * falls to the whole county's moderators.
 */
export function moderationRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff/moderation' });
  router.use(staffAuth(MODERATORS));

  router.get('/', async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const query = parseQuery(ctx, ModerationQuerySchema);
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
    ctx.body = {
      items: await presentModerationItems(ctx.deps.dataSource.manager, rows),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  router.post('/:id/decision', async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    const checkId = pathId(ctx, '没有找到该内容');
    const { decision } = parseBody(ctx, ModerationDecisionRequestSchema);
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
    ctx.body = item;
  });

  return router;
}

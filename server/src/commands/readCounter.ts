import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AppDeps } from '../context';
import { Article, Notice, NoticeRead } from '../db/entities';
import { transaction } from '../db/dataSource';
import { isUniqueViolation } from '../db/uniqueViolation';

/** readCount + 1, leaving updatedAt alone: a reader does not edit the content. */
async function incrementReadCount(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  id: string,
): Promise<void> {
  const column = (name: string) => manager.connection.driver.escape(name);
  await manager
    .createQueryBuilder()
    .update(target)
    .set({ readCount: () => `${column('readCount')} + 1`, updatedAt: () => column('updatedAt') })
    .where('id = :id', { id })
    .execute();
}

/**
 * Counts a citizen's first reading of a notice; answers whether this was it. The primary key
 * on (notice, citizen) decides who was first, so two simultaneous first reads count once on
 * MySQL and on SQLite alike; the early lookup only spares repeat readers a failing insert.
 */
export async function countNoticeRead(deps: AppDeps, props: { noticeId: string; citizenId: string }): Promise<boolean> {
  const reads = deps.dataSource.getRepository(NoticeRead);
  if (await reads.existsBy({ noticeId: props.noticeId, citizenId: props.citizenId })) return false;
  return transaction(deps.dataSource, async (manager) => {
    try {
      await manager
        .getRepository(NoticeRead)
        .insert({ noticeId: props.noticeId, citizenId: props.citizenId, createdAt: deps.clock() });
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
    await incrementReadCount(manager, Notice, props.noticeId);
    return true;
  });
}

/** Articles count page views: they are county-wide and nobody needs per-person reach. */
export async function countArticleView(deps: AppDeps, articleId: string): Promise<void> {
  await incrementReadCount(deps.dataSource.manager, Article, articleId);
}

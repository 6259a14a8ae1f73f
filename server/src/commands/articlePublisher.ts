import type { ArticleInput, ArticlePatch } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Article, type Staff } from '../db/entities';
import { newId } from '../db/ids';
import { recordAudit } from './auditRecorder';
import { type PublicationSwitch, nextPublication, publicationChangedConcurrently } from './publicationTransition';
import { assertPublishableRegion } from './publishingRegion';
import { notifyArticlePublished } from './pushNotifier';

interface StaffAct {
  staff: Staff;
  ip: string;
}

export async function createArticle(deps: AppDeps, props: StaffAct & { input: ArticleInput }): Promise<Article> {
  const { staff, input } = props;
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    await assertPublishableRegion(manager, staff, input.regionCode);
    const article = manager.getRepository(Article).create({
      id: newId(),
      title: input.title,
      summary: input.summary,
      body: input.body,
      category: input.category,
      regionCode: input.regionCode,
      status: 'draft',
      publishedAt: null,
      readCount: 0,
      authorId: staff.id,
      createdAt: now,
      updatedAt: now,
    });
    await manager.getRepository(Article).insert(article);
    await recordAudit(manager, {
      staff,
      action: 'article.create',
      targetType: 'article',
      targetId: article.id,
      ip: props.ip,
      detail: article.title,
      at: now,
    });
    return article;
  });
}

export async function reviseArticle(
  deps: AppDeps,
  props: StaffAct & { article: Article; patch: ArticlePatch },
): Promise<Article> {
  const { staff, article, patch } = props;
  const now = deps.clock();
  return transaction(deps.dataSource, async (manager) => {
    if (patch.regionCode !== undefined && patch.regionCode !== article.regionCode)
      await assertPublishableRegion(manager, staff, patch.regionCode);
    const changes: Partial<Article> = { ...patch, updatedAt: now };
    await manager.getRepository(Article).update({ id: article.id }, changes);
    const detail = Object.keys(patch).join(',');
    await recordAudit(manager, {
      staff,
      action: 'article.update',
      targetType: 'article',
      targetId: article.id,
      ip: props.ip,
      detail,
      at: now,
    });
    return manager.getRepository(Article).merge(article, changes);
  });
}

/** Conditional on the status just read, like notices: one of two simultaneous clicks wins. */
export async function switchArticlePublication(
  deps: AppDeps,
  props: StaffAct & { article: Article; action: PublicationSwitch },
): Promise<Article> {
  const { staff, article, action } = props;
  const now = deps.clock();
  const changes: Partial<Article> = { ...nextPublication(action, now), updatedAt: now };
  return transaction(deps.dataSource, async (manager) => {
    const result = await manager.getRepository(Article).update({ id: article.id, status: article.status }, changes);
    if (result.affected === 0) throw publicationChangedConcurrently();
    // Followers hear of a first publication only; republishing after a withdrawal is a correction.
    if (action === 'publish' && article.publishedAt === null)
      await notifyArticlePublished(manager, { article, at: now });
    await recordAudit(manager, {
      staff,
      action: `article.${action}`,
      targetType: 'article',
      targetId: article.id,
      ip: props.ip,
      detail: article.title,
      at: now,
    });
    return manager.getRepository(Article).merge(article, changes);
  });
}

import type { SimilarReport } from '@minqing/shared';
import { SIMILAR_REPORTS_MAX } from '@minqing/shared';
import type { EntityManager } from 'typeorm';
import type { AppDeps } from '../context';
import type { Citizen } from '../db/entities';
import { Report, ReportFollower } from '../db/entities';
import { transaction } from '../db/dataSource';
import { isUniqueViolation } from '../db/uniqueViolation';
import type { ReferenceSnapshot } from '../db/referenceData';
import { notFound } from '../errors';
import { excerptOf, findPublicReports } from '../openness/publicReports';
import { textSimilarity } from '../routing/duplicates';

/**
 * 我也遇到 (PRODUCT.md §9 Openness): a villager about to report sees the open reports of their village
 * that look like the same matter and follows one instead of filing it again. What may be listed and
 * followed is exactly what the village board may show (openness/publicReports: 民情直通, 公开, not
 * anonymous, text passed content security) and still open, never the caller's own; "looks like" is
 * the dispatcher's duplicate measure (routing/duplicates).
 */

/** The board's newest open reports of the village compared with what is being written: a village's open matters. */
const CANDIDATES = 60;

export interface Similarity {
  minSimilarity: number;
}

/** A report's public face, as /similar and 我关注的 show it. */
export function presentSimilar(report: Report, lookups: Pick<ReferenceSnapshot, 'categories' | 'departments'>) {
  const category = report.categoryCode ? lookups.categories.get(report.categoryCode) : undefined;
  const department = report.departmentId ? lookups.departments.get(report.departmentId) : undefined;
  return {
    id: report.id,
    serialNo: report.serialNo,
    excerpt: excerptOf(report.text ?? ''),
    status: report.status,
    category: category ? { code: category.code, name: category.name } : null,
    department: department ? { id: department.id, name: department.name } : null,
    followers: report.followerCount,
  } satisfies SimilarReport;
}

/** Up to five open reports of the village most like `text`, most similar first. */
export async function findSimilarReports(
  manager: EntityManager,
  props: { citizen: Citizen; villageCode: string; text: string; now: Date; settings: Similarity },
): Promise<Report[]> {
  const { reports } = await findPublicReports(manager, props.now, {
    villageCode: props.villageCode,
    state: 'open',
    offset: 0,
    limit: CANDIDATES,
  });
  return reports
    .filter((report) => report.citizenId !== props.citizen.id)
    .map((report) => ({ report, similarity: textSimilarity(props.text, report.text ?? '') }))
    .filter((scored) => scored.similarity >= props.settings.minSimilarity)
    .sort((left, right) => right.similarity - left.similarity || right.report.followerCount - left.report.followerCount)
    .slice(0, SIMILAR_REPORTS_MAX)
    .map((scored) => scored.report);
}

/** The report if /similar could list it to this citizen: public, open, not their own. */
async function followableReport(manager: EntityManager, citizen: Citizen, reportId: string, now: Date) {
  const { reports } = await findPublicReports(manager, now, { ids: [reportId], state: 'open', offset: 0, limit: 1 });
  const report = reports[0];
  if (!report || report.citizenId === citizen.id) throw notFound('没有找到可以关注的事项');
  return report;
}

async function countOf(manager: EntityManager, reportId: string): Promise<number> {
  const report = await manager
    .getRepository(Report)
    .findOne({ where: { id: reportId }, select: { followerCount: true } });
  return report?.followerCount ?? 0;
}

/**
 * The count moves by raw SQL: it is not a change of the report staff act on, so neither its version
 * (their optimistic check) nor its updatedAt move.
 */
const moveCount = (manager: EntityManager, reportId: string, delta: 1 | -1) =>
  manager.query('UPDATE reports SET followerCount = followerCount + ? WHERE id = ?', [delta, reportId]);

export async function isFollowing(manager: EntityManager, reportId: string, citizenId: string): Promise<boolean> {
  return (await manager.getRepository(ReportFollower).countBy({ reportId, citizenId })) > 0;
}

/**
 * 我也遇到: one row per citizen and report. Following again changes nothing; two taps at once are one
 * row (the key refuses the second insert) and one increment, in the transaction that wrote the row.
 */
export function followReport(deps: AppDeps, props: { citizen: Citizen; reportId: string }) {
  return transaction(deps.dataSource, async (manager) => {
    const now = deps.clock();
    const report = await followableReport(manager, props.citizen, props.reportId, now);
    try {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ReportFollower)
        .values({ reportId: report.id, citizenId: props.citizen.id, createdAt: now })
        .updateEntity(false)
        .execute();
      await moveCount(manager, report.id, 1);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return { followers: await countOf(manager, report.id), following: true };
  });
}

/** Leaves a report one follows (even once it is resolved); leaving twice changes nothing. */
export function unfollowReport(deps: AppDeps, props: { citizen: Citizen; reportId: string }) {
  return transaction(deps.dataSource, async (manager) => {
    const removed = await manager
      .createQueryBuilder()
      .delete()
      .from(ReportFollower)
      .where('reportId = :reportId AND citizenId = :citizenId', {
        reportId: props.reportId,
        citizenId: props.citizen.id,
      })
      .execute();
    if (removed.affected) await moveCount(manager, props.reportId, -1);
    else await followableReport(manager, props.citizen, props.reportId, deps.clock());
    return { followers: await countOf(manager, props.reportId), following: false };
  });
}

/** 我关注的: the reports the citizen follows, the latest joined first. */
export async function followedReports(
  manager: EntityManager,
  props: { citizenId: string; skip: number; take: number },
): Promise<{ rows: { report: Report; followedAt: Date }[]; total: number }> {
  const [follows, total] = await manager.getRepository(ReportFollower).findAndCount({
    where: { citizenId: props.citizenId },
    order: { createdAt: 'DESC', reportId: 'DESC' },
    skip: props.skip,
    take: props.take,
  });
  if (follows.length === 0) return { rows: [], total };
  const reports = await manager
    .getRepository(Report)
    .createQueryBuilder('r')
    .whereInIds(follows.map((follow) => follow.reportId))
    .getMany();
  const byId = new Map(reports.map((report) => [report.id, report]));
  return {
    rows: follows.flatMap((follow) => {
      const report = byId.get(follow.reportId);
      return report ? [{ report, followedAt: follow.createdAt }] : [];
    }),
    total,
  };
}

/** Who follows the report, for its progress messages. */
export async function followersOf(manager: EntityManager, reportId: string): Promise<string[]> {
  const rows = await manager.getRepository(ReportFollower).find({ where: { reportId }, select: { citizenId: true } });
  return rows.map((row) => row.citizenId);
}

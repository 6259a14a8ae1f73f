import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { Article as ArticleDto, Notice as NoticeDto, StaffArticle, StaffNotice } from '@minqing/shared';
import { ARTICLE_CATEGORY_NAMES, NOTICE_CATEGORY_NAMES } from '@minqing/shared';
import type { Article, Notice, Staff } from '../db/entities';
import { Region } from '../db/entities';
import { publicationAllowedActions } from '../policies/content';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentNotice(notice: Notice, regionName: string): NoticeDto {
  return {
    id: notice.id,
    title: notice.title,
    body: notice.body,
    category: notice.category,
    categoryName: NOTICE_CATEGORY_NAMES[notice.category],
    regionCode: notice.regionCode,
    regionName,
    pinned: notice.pinned,
    status: notice.status,
    publishedAt: iso(notice.publishedAt),
    expiresAt: iso(notice.expiresAt),
    readCount: notice.readCount,
    imageUploadIds: notice.imageUploadIds,
  };
}

/** A notice as `viewer` manages it, with what they may do with it. */
export function presentStaffNotice(notice: Notice, regionName: string, viewer: Staff): StaffNotice {
  return {
    ...presentNotice(notice, regionName),
    authorId: notice.authorId,
    createdAt: notice.createdAt.toISOString(),
    updatedAt: notice.updatedAt.toISOString(),
    allowedActions: publicationAllowedActions(viewer, 'notice', notice),
  };
}

/** Region names for a page of notices, in one query; a code missing from the table shows as itself. */
export async function regionNamesOf(manager: EntityManager, notices: Notice[]): Promise<(notice: Notice) => string> {
  const codes = [...new Set(notices.map((notice) => notice.regionCode))];
  const regions = codes.length ? await manager.getRepository(Region).findBy({ code: In(codes) }) : [];
  const names = new Map(regions.map((region) => [region.code, region.name]));
  return (notice) => names.get(notice.regionCode) ?? notice.regionCode;
}

export async function presentNotices(manager: EntityManager, notices: Notice[]): Promise<NoticeDto[]> {
  const regionName = await regionNamesOf(manager, notices);
  return notices.map((notice) => presentNotice(notice, regionName(notice)));
}

export async function presentStaffNotices(
  manager: EntityManager,
  notices: Notice[],
  viewer: Staff,
): Promise<StaffNotice[]> {
  const regionName = await regionNamesOf(manager, notices);
  return notices.map((notice) => presentStaffNotice(notice, regionName(notice), viewer));
}

export function presentArticle(article: Article): ArticleDto {
  return {
    id: article.id,
    title: article.title,
    summary: article.summary,
    body: article.body,
    category: article.category,
    categoryName: ARTICLE_CATEGORY_NAMES[article.category],
    regionCode: article.regionCode,
    status: article.status,
    publishedAt: iso(article.publishedAt),
    readCount: article.readCount,
  };
}

/** An article as `viewer` manages it, with what they may do with it. */
export function presentStaffArticle(article: Article, viewer: Staff): StaffArticle {
  return {
    ...presentArticle(article),
    authorId: article.authorId,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    allowedActions: publicationAllowedActions(viewer, 'article', article),
  };
}

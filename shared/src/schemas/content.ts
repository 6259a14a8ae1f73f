import { z } from 'zod';
import { ARTICLE_CATEGORIES, NOTICE_CATEGORIES, PUBLICATION_STATUSES } from '../domain/enums';
import { LIMITS } from '../domain/limits';
import { IdSchema, PageQuerySchema, RegionCodeSchema, pageOf } from './common';

export const NoticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  category: z.enum(NOTICE_CATEGORIES),
  categoryName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  pinned: z.boolean(),
  status: z.enum(PUBLICATION_STATUSES),
  publishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  readCount: z.number().int(),
  imageUploadIds: z.array(z.string()),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const NoticeListQuerySchema = PageQuerySchema.extend({
  category: z.enum(NOTICE_CATEGORIES).optional(),
  villageCode: RegionCodeSchema.optional(),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuerySchema>;

export const NoticeInputSchema = z.object({
  title: z.string().trim().min(1, '请填写标题').max(LIMITS.noticeTitleMax),
  body: z.string().trim().min(1, '请填写正文').max(LIMITS.noticeBodyMax),
  category: z.enum(NOTICE_CATEGORIES),
  regionCode: RegionCodeSchema,
  pinned: z.boolean().default(false),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  imageUploadIds: z.array(IdSchema).max(LIMITS.reportPhotosMax).default([]),
});
export type NoticeInput = z.infer<typeof NoticeInputSchema>;
export const NoticePatchSchema = NoticeInputSchema.partial();
export type NoticePatch = z.infer<typeof NoticePatchSchema>;

export const ArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  category: z.enum(ARTICLE_CATEGORIES),
  categoryName: z.string(),
  regionCode: z.string(),
  status: z.enum(PUBLICATION_STATUSES),
  publishedAt: z.string().nullable(),
  readCount: z.number().int(),
});
export type Article = z.infer<typeof ArticleSchema>;

export const ArticleListQuerySchema = PageQuerySchema.extend({ category: z.enum(ARTICLE_CATEGORIES).optional() });
export type ArticleListQuery = z.infer<typeof ArticleListQuerySchema>;

export const ArticleInputSchema = z.object({
  title: z.string().trim().min(1, '请填写标题').max(LIMITS.noticeTitleMax),
  summary: z.string().trim().max(200).default(''),
  body: z.string().trim().min(1, '请填写正文').max(LIMITS.noticeBodyMax),
  category: z.enum(ARTICLE_CATEGORIES),
  regionCode: RegionCodeSchema,
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;
export const ArticlePatchSchema = ArticleInputSchema.partial();
export type ArticlePatch = z.infer<typeof ArticlePatchSchema>;

export const StaffContentQuerySchema = PageQuerySchema.extend({ status: z.enum(PUBLICATION_STATUSES).optional() });
export type StaffContentQuery = z.infer<typeof StaffContentQuerySchema>;

export const NoticePageSchema = pageOf(NoticeSchema);
export const ArticlePageSchema = pageOf(ArticleSchema);

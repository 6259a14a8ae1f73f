import { z } from 'zod';
import { ARTICLE_CATEGORIES, NOTICE_CATEGORIES, PUBLICATION_STATUSES } from '../domain/enums';
import { LIMITS } from '../domain/limits';
import { IdSchema, PageQuerySchema, RegionCodeSchema, pageOf } from './common';
import { freeText } from './text';

/** What staff may do with a notice or article; the server's policy says which apply to the caller, and clients show only those. */
export const PUBLICATION_ACTIONS = ['edit', 'publish', 'withdraw'] as const;
export type PublicationAction = (typeof PUBLICATION_ACTIONS)[number];

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

/** Staff also see who wrote it, when, and what they may do next. */
const StaffContentExtras = {
  authorId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(PUBLICATION_ACTIONS)),
};
export const StaffNoticeSchema = NoticeSchema.extend(StaffContentExtras);
export type StaffNotice = z.infer<typeof StaffNoticeSchema>;

export const NoticeListQuerySchema = PageQuerySchema.extend({
  category: z.enum(NOTICE_CATEGORIES, { error: '无效的公告栏目' }).optional(),
  villageCode: RegionCodeSchema.optional(),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuerySchema>;

/** A notice opened from a list of another village carries that village along. */
export const NoticeDetailQuerySchema = NoticeListQuerySchema.pick({ villageCode: true });
export type NoticeDetailQuery = z.infer<typeof NoticeDetailQuerySchema>;

const ImageUploadIdsSchema = z
  .array(IdSchema)
  .max(LIMITS.reportPhotosMax, `最多${LIMITS.reportPhotosMax}张图片`)
  .refine((ids) => new Set(ids).size === ids.length, '图片重复');

/**
 * The fields without defaults: the patch schema is built from these, because a default
 * inside a partial schema would silently reset `pinned` or the images on every edit.
 */
const PublishRegionSchema = z.string({ error: '请选择发布范围' }).pipe(RegionCodeSchema);

const noticeFields = {
  title: freeText({ error: '请填写标题' })
    .min(1, '请填写标题')
    .max(LIMITS.noticeTitleMax, `标题不能超过${LIMITS.noticeTitleMax}字`),
  body: freeText({ error: '请填写正文' })
    .min(1, '请填写正文')
    .max(LIMITS.noticeBodyMax, `正文不能超过${LIMITS.noticeBodyMax}字`),
  category: z.enum(NOTICE_CATEGORIES, { error: '请选择公告栏目' }),
  regionCode: PublishRegionSchema,
  pinned: z.boolean({ error: '请选择是否置顶' }),
  expiresAt: z.iso.datetime({ offset: true, error: '请填写正确的到期时间' }).nullable(),
  imageUploadIds: ImageUploadIdsSchema,
};

export const NoticeInputSchema = z.object({
  ...noticeFields,
  pinned: noticeFields.pinned.default(false),
  expiresAt: noticeFields.expiresAt.optional(),
  imageUploadIds: noticeFields.imageUploadIds.default([]),
});
export type NoticeInput = z.infer<typeof NoticeInputSchema>;
export const NoticePatchSchema = z.object(noticeFields).partial();
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
export const StaffArticleSchema = ArticleSchema.extend(StaffContentExtras);
export type StaffArticle = z.infer<typeof StaffArticleSchema>;

export const ArticleListQuerySchema = PageQuerySchema.extend({
  category: z.enum(ARTICLE_CATEGORIES, { error: '无效的文章栏目' }).optional(),
});
export type ArticleListQuery = z.infer<typeof ArticleListQuerySchema>;

const articleFields = {
  title: noticeFields.title,
  summary: freeText({ error: '摘要应为文字' }).max(200, '摘要不能超过200字'),
  body: noticeFields.body,
  category: z.enum(ARTICLE_CATEGORIES, { error: '请选择文章栏目' }),
  regionCode: PublishRegionSchema,
};

export const ArticleInputSchema = z.object({ ...articleFields, summary: articleFields.summary.default('') });
export type ArticleInput = z.infer<typeof ArticleInputSchema>;
export const ArticlePatchSchema = z.object(articleFields).partial();
export type ArticlePatch = z.infer<typeof ArticlePatchSchema>;

export const StaffContentQuerySchema = PageQuerySchema.extend({
  status: z.enum(PUBLICATION_STATUSES, { error: '无效的状态' }).optional(),
});
export type StaffContentQuery = z.infer<typeof StaffContentQuerySchema>;

export const NoticePageSchema = pageOf(NoticeSchema);
export const ArticlePageSchema = pageOf(ArticleSchema);
export const StaffNoticePageSchema = pageOf(StaffNoticeSchema);
export const StaffArticlePageSchema = pageOf(StaffArticleSchema);

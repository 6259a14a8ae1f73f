import type { z } from 'zod';
import type { StaffAbility } from '../domain/abilities';
import {
  ArticleInputSchema,
  ArticlePatchSchema,
  NoticeInputSchema,
  NoticePatchSchema,
  StaffArticlePageSchema,
  StaffArticleSchema,
  StaffContentQuerySchema,
  StaffNoticePageSchema,
  StaffNoticeSchema,
} from '../schemas/content';
import { type NamedSchema, created, defineRoute, named, ok } from './route';

interface PublicationKind<
  Segment extends string,
  Item extends z.ZodType,
  Page extends z.ZodType,
  Input extends z.ZodType,
  Patch extends z.ZodType,
> {
  segment: Segment;
  /** The ability that guards these routes. */
  policy: StaffAbility;
  zh: string;
  en: string;
  item: NamedSchema<Item>;
  page: NamedSchema<Page>;
  input: NamedSchema<Input>;
  patch: NamedSchema<Patch>;
}

/** Drafts, edits, publishing and withdrawal: the same six routes for notices and for articles. */
function publicationRoutes<
  const Segment extends string,
  Item extends z.ZodType,
  Page extends z.ZodType,
  Input extends z.ZodType,
  Patch extends z.ZodType,
>(kind: PublicationKind<Segment, Item, Page, Input, Patch>) {
  const base = `/staff/${kind.segment}` as const;
  const common = { tags: [`staff-${kind.segment}`], access: 'staff', policy: kind.policy } as const;
  return {
    list: defineRoute({
      ...common,
      method: 'get',
      path: base,
      summary: `${kind.zh}管理列表 / ${kind.en}s in the staff member's region`,
      query: StaffContentQuerySchema,
      responses: [ok(kind.page)],
      errors: [400, 401, 403],
    }),
    create: defineRoute({
      ...common,
      method: 'post',
      path: base,
      summary: `新建${kind.zh} / Create a ${kind.en} draft`,
      description:
        "Who: cadre, dispatcher, county, sysadmin (articles: county, sysadmin). Create, edit, publish and withdraw within one's region",
      body: { kind: 'json', schema: kind.input },
      responses: [created(kind.item)],
      errors: [400, 401, 403],
    }),
    get: defineRoute({
      ...common,
      method: 'get',
      path: `${base}/:id`,
      summary: `${kind.zh}详情 / One ${kind.en}`,
      responses: [ok(kind.item)],
      errors: [401, 403, 404],
    }),
    update: defineRoute({
      ...common,
      method: 'patch',
      path: `${base}/:id`,
      summary: `修改${kind.zh} / Edit a ${kind.en}`,
      body: { kind: 'json', schema: kind.patch },
      responses: [ok(kind.item)],
      errors: [400, 401, 403, 404],
    }),
    publish: defineRoute({
      ...common,
      method: 'post',
      path: `${base}/:id/publish`,
      summary: `发布${kind.zh} / Publish a ${kind.en}`,
      responses: [ok(kind.item)],
      errors: [401, 403, 404, 409],
    }),
    withdraw: defineRoute({
      ...common,
      method: 'post',
      path: `${base}/:id/withdraw`,
      summary: `撤回${kind.zh} / Withdraw a ${kind.en}`,
      responses: [ok(kind.item)],
      errors: [401, 403, 404, 409],
    }),
  };
}

/** 政务村务 as their authors manage them. */
export const staffNoticeRoutes = publicationRoutes({
  segment: 'notices',
  policy: 'notices',
  zh: '公告',
  en: 'notice',
  item: named('StaffNotice', StaffNoticeSchema),
  page: named('StaffNoticePage', StaffNoticePageSchema),
  input: named('NoticeInput', NoticeInputSchema),
  patch: named('NoticePatch', NoticePatchSchema),
});

/** 消息推送 (policy information and guides) as their authors manage them. */
export const staffArticleRoutes = publicationRoutes({
  segment: 'articles',
  policy: 'articles',
  zh: '文章',
  en: 'article',
  item: named('StaffArticle', StaffArticleSchema),
  page: named('StaffArticlePage', StaffArticlePageSchema),
  input: named('ArticleInput', ArticleInputSchema),
  patch: named('ArticlePatch', ArticlePatchSchema),
});

import { ArticleInputSchema, NoticeInputSchema } from '@minqing/shared';
import type {
  ArticleCategory,
  ArticleInput,
  ArticlePatch,
  NoticeCategory,
  NoticeInput,
  NoticePatch,
  StaffArticle,
  StaffNotice,
} from '@minqing/shared';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { PlainContent } from './plainText';

/** The editor's form fields (the body and pictures come from the rich-text editor). */
export interface ContentFormValues {
  title?: string;
  category?: NoticeCategory | ArticleCategory;
  regionCode?: string;
  /** Notices only. */
  pinned?: boolean;
  /** Notices only: the last day it shows; it expires at the end of that day. */
  expiresOn?: Dayjs | null;
  /** Articles only. */
  summary?: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export type Built<T> = { ok: true; request: T } | { ok: false; errors: FieldError[] };

/** The part of a shared zod schema used here. */
interface Schema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** The shared schema decides, so the form says exactly what the server would. */
function validated<T>(schema: Schema<T>, input: unknown): Built<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, request: result.data };
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'title');
    if (!errors.some((error) => error.field === field)) errors.push({ field, message: issue.message });
  }
  return { ok: false, errors };
}

export const expiryOf = (day: Dayjs | null | undefined): string | null => (day ? day.endOf('day').toISOString() : null);

export function buildNoticeInput(values: ContentFormValues, content: PlainContent): Built<NoticeInput> {
  return validated(NoticeInputSchema, {
    title: values.title ?? '',
    body: content.body,
    category: values.category,
    regionCode: values.regionCode,
    pinned: values.pinned ?? false,
    expiresAt: expiryOf(values.expiresOn),
    imageUploadIds: content.imageUploadIds,
  });
}

export function buildArticleInput(values: ContentFormValues, content: PlainContent): Built<ArticleInput> {
  return validated(ArticleInputSchema, {
    title: values.title ?? '',
    summary: values.summary ?? '',
    body: content.body,
    category: values.category,
    regionCode: values.regionCode,
  });
}

/**
 * Only what changed goes into a PATCH: the audit line then names the edited fields, and an old
 * notice whose expiry has passed can still be corrected (the server refuses a past expiry it is sent).
 */
export function noticePatch(saved: StaffNotice, input: NoticeInput): NoticePatch {
  const patch: NoticePatch = {};
  if (input.title !== saved.title) patch.title = input.title;
  if (input.body !== saved.body) patch.body = input.body;
  if (input.category !== saved.category) patch.category = input.category;
  if (input.regionCode !== saved.regionCode) patch.regionCode = input.regionCode;
  if (input.pinned !== saved.pinned) patch.pinned = input.pinned;
  if ((input.expiresAt ?? null) !== expiryOf(saved.expiresAt ? dayjs(saved.expiresAt) : null))
    patch.expiresAt = input.expiresAt ?? null;
  if (input.imageUploadIds.join() !== saved.imageUploadIds.join()) patch.imageUploadIds = input.imageUploadIds;
  return patch;
}

export function articlePatch(saved: StaffArticle, input: ArticleInput): ArticlePatch {
  const patch: ArticlePatch = {};
  if (input.title !== saved.title) patch.title = input.title;
  if (input.summary !== saved.summary) patch.summary = input.summary;
  if (input.body !== saved.body) patch.body = input.body;
  if (input.category !== saved.category) patch.category = input.category;
  if (input.regionCode !== saved.regionCode) patch.regionCode = input.regionCode;
  return patch;
}

export function noticeFormValues(notice: StaffNotice): ContentFormValues {
  return {
    title: notice.title,
    category: notice.category,
    regionCode: notice.regionCode,
    pinned: notice.pinned,
    expiresOn: notice.expiresAt ? dayjs(notice.expiresAt) : null,
  };
}

export function articleFormValues(article: StaffArticle): ContentFormValues {
  return { title: article.title, summary: article.summary, category: article.category, regionCode: article.regionCode };
}

/** A new item starts in the author's own region: a cadre's village, a dispatcher's township. */
export function blankFormValues(regionCode: string): ContentFormValues {
  return { title: '', summary: '', regionCode, pinned: false, expiresOn: null };
}

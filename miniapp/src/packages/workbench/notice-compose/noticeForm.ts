import { NOTICE_CATEGORY_NAMES, NoticeInputSchema, type NoticeCategory, type NoticeInput } from '@minqing/shared';

/** What a village cadre publishes from the phone: the three 公开 columns of the notice board. */
export const PHONE_CATEGORIES = ['party', 'village', 'finance'] as const satisfies readonly NoticeCategory[];
export const categoryName = (category: NoticeCategory): string => NOTICE_CATEGORY_NAMES[category];

/** Until when it shows: days from now, or no end. */
export const EXPIRY_CHOICES = [
  { days: 0, label: '长期有效' },
  { days: 7, label: '7天' },
  { days: 30, label: '30天' },
  { days: 90, label: '90天' },
] as const;

/** A notice that is only photos of the paper one still needs a body: it says so. */
export const PHOTOS_ONLY_BODY = '详见公告图片';

export interface NoticeDraft {
  title: string;
  body: string;
  category: NoticeCategory;
  regionCode: string;
  pinned: boolean;
  expiryDays: number;
  photoCount: number;
}

/** The request body once photos are uploaded, or the first problem in the shared schema's words. */
export function noticeInputOf(
  draft: NoticeDraft,
  imageUploadIds: string[],
  now: number,
): { input: NoticeInput } | { message: string; field?: string } {
  const body = draft.body.trim() || (draft.photoCount > 0 ? PHOTOS_ONLY_BODY : '');
  const parsed = NoticeInputSchema.safeParse({
    title: draft.title,
    body,
    category: draft.category,
    regionCode: draft.regionCode,
    pinned: draft.pinned,
    expiresAt: draft.expiryDays > 0 ? new Date(now + draft.expiryDays * 86_400_000).toISOString() : null,
    imageUploadIds,
  });
  if (parsed.success) return { input: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  return { message: field === 'body' && !body ? '请填写正文或拍下纸质公告' : issue.message, field };
}

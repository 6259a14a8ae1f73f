/**
 * The citizen's actions on a report (评价, 要求重办, 补充说明): checks in the shared schemas' words,
 * and what the confirmation says before anything is sent.
 */
import Taro from '@tarojs/taro';
import {
  DisputeRequestSchema,
  REOPEN_SCORE_MAX,
  RatingRequestSchema,
  SupplementRequestSchema,
  type DisputeRequest,
  type RatingRequest,
  type SupplementRequest,
} from '@minqing/shared';
import { SCORE_LABELS } from '../../../components/StarRating';

export interface Checked<T> {
  body?: T;
  error?: { field: string; message: string };
}

function firstIssue(
  error: { issues: { path: PropertyKey[]; message: string }[] },
  fallback: string,
): { field: string; message: string } {
  const issue = error.issues[0];
  return {
    field: issue && issue.path.length > 0 ? String(issue.path[0]) : fallback,
    message: issue?.message ?? '请检查后再提交',
  };
}

export function checkRating(score: number, comment: string): Checked<RatingRequest> {
  if (!score) return { error: { field: 'score', message: '请先点星星打分' } };
  const trimmed = comment.trim();
  const parsed = RatingRequestSchema.safeParse({ score, ...(trimmed ? { comment: trimmed } : {}) });
  return parsed.success ? { body: parsed.data } : { error: firstIssue(parsed.error, 'score') };
}

export function ratingConfirmText(score: number): string {
  const stars = `您打了${score}星（${SCORE_LABELS[score]}）`;
  return score <= REOPEN_SCORE_MAX ? `${stars}，这件事会交回部门重新办理。确定提交吗？` : `${stars}，确定提交吗？`;
}

export function checkDispute(reason: string): Checked<DisputeRequest> {
  const parsed = DisputeRequestSchema.safeParse({ reason });
  return parsed.success ? { body: parsed.data } : { error: firstIssue(parsed.error, 'reason') };
}

export const DISPUTE_CONFIRM_TEXT = '提交后，这件事会交回部门重新办理。确定吗？';

export function checkSupplement(
  text: string,
  photoUploadIds: string[],
  photos: { uploading: boolean; failed: boolean },
): Checked<SupplementRequest> {
  if (photos.uploading) return { error: { field: 'photoUploadIds', message: '照片还在上传，请稍等一下' } };
  if (photos.failed) return { error: { field: 'photoUploadIds', message: '有照片没有传上去，请点「重试」或删掉它' } };
  const trimmed = text.trim();
  const parsed = SupplementRequestSchema.safeParse({
    ...(trimmed ? { text: trimmed } : {}),
    ...(photoUploadIds.length > 0 ? { photoUploadIds } : {}),
  });
  return parsed.success ? { body: parsed.data } : { error: firstIssue(parsed.error, 'text') };
}

export const SUPPLEMENT_CONFIRM_TEXT = '补充的内容会发给正在办理的部门。确定提交吗？';

/** Asks before sending; false when the citizen says no (or the dialog fails). */
export async function confirmAction(title: string, content: string, confirmText = '确定提交'): Promise<boolean> {
  const answer = await Taro.showModal({ title, content, confirmText, cancelText: '再想想' }).catch(() => ({
    confirm: false,
  }));
  return Boolean(answer.confirm);
}

/**
 * The content check of a draft with the shared schema, before anything is uploaded:
 * `drafts.submit(id, { check: validateDraft })`. Only the report form (sub-package report-flow)
 * imports it, which keeps zod out of the main package — a tab page or app.ts must not.
 */
import { LIMITS, SubmitReportRequestSchema } from '@minqing/shared';
import { bodyOf, type DraftCheck } from './draftQueue';

/** Distinct valid-looking ids, only to check a draft's other fields before anything is uploaded. */
const placeholderId = (index: number): string => String(index + 1).padStart(26, '0');

/** The first problem with a draft's content, in the shared schema's words; null when it can be sent. */
export const validateDraft: DraftCheck = (draft) => {
  if (draft.photos.length > LIMITS.reportPhotosMax)
    return { message: `最多${LIMITS.reportPhotosMax}张照片`, field: 'photoUploadIds' };
  const parsed = SubmitReportRequestSchema.safeParse(bodyOf(draft, (_file, index) => placeholderId(index)));
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return { message: issue.message, field: issue.path.length > 0 ? String(issue.path[0]) : undefined };
};

import { z } from 'zod';
import { ATTACHMENT_KINDS } from '../domain/enums';
import { LIMITS } from '../domain/limits';
import { MEDIA_CHECK_STATES } from './contentSecurity';

/** Multipart fields besides the file itself. */
export const UploadFieldsSchema = z.object({
  durationSeconds: z.coerce.number().min(0).max(LIMITS.voiceSecondsMax).optional(),
});
export type UploadFields = z.infer<typeof UploadFieldsSchema>;

export const UploadResponseSchema = z.object({
  id: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  contentType: z.string(),
  size: z.number().int(),
  durationSeconds: z.number().nullable(),
  url: z.string(),
  /** WeChat content security for a citizen's media; absent for staff uploads, which are not checked. */
  check: z.enum(MEDIA_CHECK_STATES).optional(),
});
export type UploadResponse = z.infer<typeof UploadResponseSchema>;

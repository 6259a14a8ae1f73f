import { z } from 'zod';

/**
 * 附件 of a notice or article: documents citizens download (a form to fill in, the full text of
 * a policy). The server decides the type from the file's bytes, never from its name (the types
 * it takes: CONTENT_FILE_TYPES in domain/enums).
 */

/** How many files one notice or article may carry; each is at most LIMITS.uploadBytesMax. */
export const CONTENT_FILES_MAX = 10;
export const CONTENT_FILE_NAME_MAX = 100;

export const ContentFileSchema = z.object({
  id: z.string(),
  /** The name the author gave it, with the extension matching its real type. */
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** Where to download it (with the bearer token). */
  url: z.string(),
  createdAt: z.string(),
});
export type ContentFile = z.infer<typeof ContentFileSchema>;
export const ContentFileListSchema = z.array(ContentFileSchema);

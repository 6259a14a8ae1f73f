import { z } from 'zod';

/**
 * 附件 of a notice or article: documents citizens download (a form to fill in, the full text of
 * a policy). The server decides the type from the file's bytes, never from its name.
 */
export const CONTENT_FILE_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
} as const;
export type ContentFileType = keyof typeof CONTENT_FILE_TYPES;

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

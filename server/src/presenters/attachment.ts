import { type UploadResponse, uploadRoutes, urlOf } from '@minqing/shared';
import type { Attachment } from '../db/entities';

/** Where a client fetches an attachment's bytes; access is checked there, never in the URL. */
export const attachmentContentUrl = (id: string) => `/api/v1${urlOf(uploadRoutes.content, { params: { id } })}`;

/** What leaves the server about an upload: never the owner or the storage key. */
export function presentAttachment(attachment: Attachment): UploadResponse {
  return {
    id: attachment.id,
    kind: attachment.kind,
    contentType: attachment.contentType,
    size: attachment.size,
    durationSeconds: attachment.durationSeconds,
    url: attachmentContentUrl(attachment.id),
    ...(attachment.checkStatus ? { check: attachment.checkStatus } : {}),
  };
}

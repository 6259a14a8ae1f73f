/**
 * Attachments need the citizen's token, so they cannot go straight into <Image src>: each is
 * downloaded once (services/api attachmentLocalPath) and shown from the local copy.
 */
import { useEffect, useState } from 'react';
import type { Attachment } from '@minqing/shared';
import { attachmentLocalPath } from '../../services/api';

export interface LocalAttachment {
  attachment: Attachment;
  /** The local copy, once downloaded. */
  path: string | null;
  failed: boolean;
}

export function useAttachmentPaths(attachments: readonly Attachment[]): LocalAttachment[] {
  const key = attachments.map((attachment) => attachment.id).join(',');
  const [paths, setPaths] = useState<Record<string, string | false>>({});

  useEffect(() => {
    let alive = true;
    for (const attachment of attachments) {
      attachmentLocalPath(attachment.url)
        .then((path) => alive && setPaths((previous) => ({ ...previous, [attachment.id]: path })))
        .catch(() => alive && setPaths((previous) => ({ ...previous, [attachment.id]: false })));
    }
    return () => {
      alive = false;
    };
    // The list is identified by its ids.
  }, [key]);

  return attachments.map((attachment) => {
    const path = paths[attachment.id];
    return { attachment, path: typeof path === 'string' ? path : null, failed: path === false };
  });
}

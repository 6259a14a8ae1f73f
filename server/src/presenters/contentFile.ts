import { type ContentFile, contentFileRoutes, urlOf } from '@minqing/shared';
import type { ContentFileRow } from '../db/entities';

/** Citizens and staff download through different routes, each with its own access rule. */
export function presentContentFile(file: ContentFileRow, audience: 'citizen' | 'staff'): ContentFile {
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.size,
    url: `/api/v1${urlOf(audience === 'staff' ? contentFileRoutes.staffDownload : contentFileRoutes.download, { params: { fileId: file.id } })}`,
    createdAt: file.createdAt.toISOString(),
  };
}

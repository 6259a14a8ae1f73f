import type { ContentFile } from '@minqing/shared';
import type { ContentFileRow } from '../db/entities';

/** Citizens and staff download through different routes, each with its own access rule. */
export function presentContentFile(file: ContentFileRow, audience: 'citizen' | 'staff'): ContentFile {
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.size,
    url: `/api/v1${audience === 'staff' ? '/staff' : ''}/content-files/${file.id}/content`,
    createdAt: file.createdAt.toISOString(),
  };
}

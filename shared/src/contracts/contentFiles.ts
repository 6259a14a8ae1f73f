import { z } from 'zod';
import type { StaffAbility } from '../domain/abilities';
import { CONTENT_FILE_TYPES } from '../domain/enums';
import { ContentFileListSchema, ContentFileSchema } from '../schemas/contentFiles';
import { CITIZEN_ENDPOINTS, type Endpoint } from './citizenEndpoints';
import { type ApiResponse, created, defineRoute, named, noContent, ok } from './route';

const file = named('ContentFile', ContentFileSchema);
const files = named('ContentFileList', ContentFileListSchema);
const form = named('ContentFileForm', z.object({ file: z.file() }));
const download = {
  status: 200,
  description: 'OK（Content-Disposition: attachment）',
  content: { kind: 'binary', mediaTypes: Object.keys(CONTENT_FILE_TYPES) },
} as const satisfies ApiResponse;

/** The files of one notice or article: staff list, add and remove them; citizens list the published ones (at `published`). */
function filesOf<const Segment extends string, const Published extends Endpoint & { readonly access: 'citizen' }>(
  segment: Segment,
  published: Published,
  policy: StaffAbility,
  zh: string,
  en: string,
) {
  const staff = { tags: [`staff-${segment}`], access: 'staff', policy } as const;
  return {
    list: defineRoute({
      ...staff,
      method: 'get',
      path: `/staff/${segment}/:id/files`,
      summary: `${zh}附件 / The files of a ${en}`,
      responses: [ok(files)],
      errors: [401, 403, 404],
    }),
    add: defineRoute({
      ...staff,
      method: 'post',
      path: `/staff/${segment}/:id/files`,
      summary: `添加${zh}附件 / Attach a PDF, Word or Excel file (type decided by its bytes, ≤ 10 MB)`,
      description: `Who: the publishers of the ${zh}, within their region. 附件: PDF, Word, Excel (type by magic bytes, ≤ 10 MB, at most 10 per ${zh}), audited`,
      body: { kind: 'multipart', schema: form },
      responses: [created(file)],
      errors: [400, 401, 403, 404, 413, 415],
    }),
    remove: defineRoute({
      ...staff,
      method: 'delete',
      path: `/staff/${segment}/:id/files/:fileId`,
      summary: `删除${zh}附件 / Remove a file`,
      responses: [noContent],
      errors: [401, 403, 404],
    }),
    published: defineRoute({
      ...published,
      summary: `${zh}附件列表 / The files of a published ${en}`,
      description: `Who: citizen. The files of a published, unexpired ${zh}; each is downloaded as \`attachment\``,
      tags: [segment],
      responses: [ok(files)],
      errors: [401, 404],
    }),
  };
}

/** 附件 of notices and articles (PDF, Word, Excel), for staff and for citizens. */
export const contentFileRoutes = {
  notice: filesOf('notices', CITIZEN_ENDPOINTS.contentFiles.notices, 'notices', '公告', 'notice'),
  article: filesOf('articles', CITIZEN_ENDPOINTS.contentFiles.articles, 'articles', '文章', 'article'),
  download: defineRoute({
    method: 'get',
    path: '/content-files/:fileId/content',
    summary: '下载附件 / Download a file of a published notice or article',
    tags: ['notices'],
    access: 'citizen',
    responses: [download],
    errors: [401, 404],
  }),
  staffDownload: defineRoute({
    method: 'get',
    path: '/staff/content-files/:fileId/content',
    summary: "下载附件（工作人员）/ Download a file within one's region",
    tags: ['staff-notices'],
    access: 'staff',
    policy: 'notices',
    responses: [download],
    errors: [401, 403, 404],
  }),
};

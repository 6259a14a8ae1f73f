import { named, ok } from '@minqing/shared';
import { z } from 'zod';
import { CONTENT_FILE_TYPES, ContentFileListSchema, ContentFileSchema } from '@minqing/shared';
import type { ApiResponse, ApiRoute } from './apiDocument';

const file = named('ContentFile', ContentFileSchema);
const files = named('ContentFileList', ContentFileListSchema);
const form = named('ContentFileForm', z.object({ file: z.file() }));
const download: ApiResponse = {
  status: 200,
  description: 'OK（Content-Disposition: attachment）',
  content: { kind: 'binary', mediaTypes: Object.keys(CONTENT_FILE_TYPES) },
};

function routesFor(segment: 'notices' | 'articles', zh: string, en: string): ApiRoute[] {
  const staff = { tags: [`staff-${segment}`], access: 'staff' as const };
  return [
    {
      ...staff,
      method: 'get',
      path: `/api/v1/staff/${segment}/{id}/files`,
      summary: `${zh}附件 / The files of a ${en}`,
      responses: [ok(files)],
      errors: [401, 403, 404],
    },
    {
      ...staff,
      method: 'post',
      path: `/api/v1/staff/${segment}/{id}/files`,
      summary: `添加${zh}附件 / Attach a PDF, Word or Excel file (type decided by its bytes, ≤ 10 MB)`,
      body: { kind: 'multipart', schema: form },
      responses: [{ status: 201, description: 'Created', content: { kind: 'json', schema: file } }],
      errors: [400, 401, 403, 404, 413, 415],
    },
    {
      ...staff,
      method: 'delete',
      path: `/api/v1/staff/${segment}/{id}/files/{fileId}`,
      summary: `删除${zh}附件 / Remove a file`,
      responses: [{ status: 204, description: 'No Content', content: { kind: 'none' } }],
      errors: [401, 403, 404],
    },
    {
      method: 'get',
      path: `/api/v1/${segment}/{id}/files`,
      summary: `${zh}附件列表 / The files of a published ${en}`,
      tags: [segment],
      access: 'citizen',
      responses: [ok(files)],
      errors: [401, 404],
    },
  ];
}

/** 附件 of notices and articles, for staff and for citizens. */
export const contentFileRoutes: ApiRoute[] = [
  ...routesFor('notices', '公告', 'notice'),
  ...routesFor('articles', '文章', 'article'),
  {
    method: 'get',
    path: '/api/v1/content-files/{fileId}/content',
    summary: '下载附件 / Download a file of a published notice or article',
    tags: ['notices'],
    access: 'citizen',
    responses: [download],
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/v1/staff/content-files/{fileId}/content',
    summary: "下载附件（工作人员）/ Download a file within one's region",
    tags: ['staff-notices'],
    access: 'staff',
    responses: [download],
    errors: [401, 403, 404],
  },
];

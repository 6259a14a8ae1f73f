import fs from 'node:fs/promises';
import type { Middleware } from 'koa';
import { koaBody } from 'koa-body';
import { LIMITS } from '@minqing/shared';
import type { AppContext, AppDeps, AppState } from '../context';
import { badRequest, payloadTooLarge } from '../errors';

type RouteMiddleware = Middleware<AppState, { deps: AppDeps }>;

export const FILE_FIELD = 'file';
const TOO_LARGE_MESSAGE = `文件不能超过 ${LIMITS.uploadBytesMax / 1024 / 1024}MB`;
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** formidable's record of the one file part read. */
export interface ReceivedFile {
  filepath: string;
  size: number;
  originalFilename?: string | null;
}
type ReceivedFiles = Record<string, ReceivedFile | ReceivedFile[] | undefined>;
const receivedFiles = (ctx: AppContext): ReceivedFile[] =>
  Object.values((ctx.request as { files?: ReceivedFiles }).files ?? {}).flatMap((entry) => entry ?? []);

/** Multipart with one `file` part on the routes that take a document, bounded like photo uploads; temporary files are always removed. */
export function multipartFile(tooLargeMessage = TOO_LARGE_MESSAGE): RouteMiddleware {
  const parse = koaBody({
    multipart: true,
    urlencoded: false,
    text: false,
    json: false,
    formidable: {
      maxFileSize: LIMITS.uploadBytesMax,
      maxFields: 5,
      maxFieldsSize: 16 * 1024,
      filter: (part) => part.name === FILE_FIELD,
    },
    onError: (error: Error & { httpCode?: number; status?: number }) => {
      if ((error.httpCode ?? error.status) === 413) throw payloadTooLarge(tooLargeMessage);
      throw badRequest('上传内容格式不正确，请重新选择文件', FILE_FIELD);
    },
    // koa-body is typed against its own older copy of @types/koa; the runtime contract is the same.
  }) as unknown as RouteMiddleware;
  return async (ctx, next) => {
    if ((ctx.request.length ?? 0) > LIMITS.uploadBytesMax + MULTIPART_OVERHEAD_BYTES)
      throw payloadTooLarge(tooLargeMessage);
    try {
      await parse(ctx, next);
    } finally {
      await Promise.all(receivedFiles(ctx as AppContext).map((file) => fs.rm(file.filepath, { force: true })));
    }
  };
}

/** The one file sent; 400 naming `file` when there is none, several or an empty one. `noun` says what was expected. */
export function theUploadedFile(ctx: AppContext, noun = '文件'): ReceivedFile {
  const files = receivedFiles(ctx);
  if (files.length === 0) throw badRequest(`请选择要上传的${noun}`, FILE_FIELD);
  if (files.length > 1) throw badRequest('一次只能上传一个文件', FILE_FIELD);
  if (files[0].size === 0) throw badRequest('文件是空的，请重新选择', FILE_FIELD);
  return files[0];
}

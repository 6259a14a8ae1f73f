/**
 * Upload straight to object storage (Aliyun OSS) when the server says it uses it: the server
 * hands out a post policy for one key, the file goes to OSS, and the server confirms it into an
 * attachment. WeChat only — the H5 build keeps POST /uploads (browser files have no extension
 * to tell their type by). Add the OSS bucket's host to the mini-program's uploadFile domains.
 */
import Taro from '@tarojs/taro';
import { type AttachmentKind, type DirectUploadPolicy, type UploadResponse, citizenApi } from '@minqing/shared';
import { ApiError, networkError } from './apiError';
import { UPLOAD_TIMEOUT_MS, isWeapp } from './config';
import { call } from './request';

const TYPES_BY_EXTENSION: Record<string, { kind: AttachmentKind; contentType: string }> = {
  jpg: { kind: 'photo', contentType: 'image/jpeg' },
  jpeg: { kind: 'photo', contentType: 'image/jpeg' },
  png: { kind: 'photo', contentType: 'image/png' },
  webp: { kind: 'photo', contentType: 'image/webp' },
  mp3: { kind: 'voice', contentType: 'audio/mpeg' },
  aac: { kind: 'voice', contentType: 'audio/aac' },
  m4a: { kind: 'voice', contentType: 'audio/mp4' },
  wav: { kind: 'voice', contentType: 'audio/wav' },
};

/** What a local file is, by its extension; null when direct upload cannot tell (then use POST /uploads). */
export function mediaTypeOf(filePath: string): { kind: AttachmentKind; contentType: string } | null {
  const extension = /\.([a-z0-9]+)$/i.exec(filePath)?.[1]?.toLowerCase();
  return extension ? (TYPES_BY_EXTENSION[extension] ?? null) : null;
}

let mode: Promise<boolean> | null = null;

/** Asked once per app session; a failure means "no" and is asked again next time. */
export function directUploadEnabled(): Promise<boolean> {
  if (!isWeapp()) return Promise.resolve(false);
  if (!mode) {
    mode = call(citizenApi.uploads.mode).then(
      (answer) => answer.direct,
      () => {
        mode = null;
        return false;
      },
    );
  }
  return mode;
}

/** For tests: forget the cached mode. */
export function resetDirectUploadMode(): void {
  mode = null;
}

export interface DirectUploadOptions {
  durationSeconds?: number;
  onProgress?: (percent: number) => void;
}

async function postToStorage(
  policy: DirectUploadPolicy,
  filePath: string,
  contentType: string,
  onProgress?: (percent: number) => void,
): Promise<void> {
  let response: { statusCode: number };
  try {
    const task = Taro.uploadFile({
      url: policy.host,
      filePath,
      name: 'file',
      // The policy's fields and the type it allows; no Authorization header — the policy is the credential.
      formData: { ...policy.fields, 'Content-Type': contentType },
      timeout: UPLOAD_TIMEOUT_MS,
    });
    if (onProgress && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((update) => onProgress(Math.max(0, Math.min(99, update.progress))));
    }
    response = await task;
  } catch {
    throw networkError();
  }
  if (!response || response.statusCode === 0) throw networkError();
  if (response.statusCode < 200 || response.statusCode >= 300) {
    throw new ApiError(
      response.statusCode === 400 ? 'payload_too_large' : 'bad_request',
      '文件没能上传，请换一个文件或重试',
      response.statusCode,
      'file',
    );
  }
}

/** Policy → OSS → confirm; resolves to the attachment like POST /uploads. */
export async function uploadDirect(
  filePath: string,
  type: { kind: AttachmentKind; contentType: string },
  options: DirectUploadOptions = {},
): Promise<UploadResponse> {
  const policy = await call(citizenApi.uploads.direct, { body: { kind: type.kind } });
  await postToStorage(policy, filePath, type.contentType, options.onProgress);
  const attachment = await call(citizenApi.uploads.confirmDirect, {
    body: {
      key: policy.key,
      ...(options.durationSeconds !== undefined ? { durationSeconds: Math.round(options.durationSeconds) } : {}),
    },
  });
  options.onProgress?.(100);
  return attachment;
}

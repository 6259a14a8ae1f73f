/** The pure part of choosing photos: limits and messages. */
import { LIMITS } from '@minqing/shared';

export type PhotoStatus = 'waiting' | 'uploading' | 'done' | 'failed';

/** A photo on the form, with its upload state once uploading has begun. */
export interface PhotoItem {
  /** Local path (temp file or H5 blob URL); also the photo's identity. */
  path: string;
  status?: PhotoStatus;
  /** 0–100 while uploading. */
  percent?: number;
  /** Why the upload failed, in words for the citizen. */
  error?: string;
}

export const DEFAULT_MAX_PHOTOS = LIMITS.reportPhotosMax;

export const tooManyMessage = (max: number): string => `最多只能放${max}张照片`;

/** Adds newly chosen paths after the existing ones, skipping repeats, up to `max`. */
export function addPhotoPaths(
  existing: readonly string[],
  chosen: readonly string[],
  max: number = DEFAULT_MAX_PHOTOS,
): { paths: string[]; dropped: number } {
  const paths = [...existing];
  let dropped = 0;
  for (const path of chosen) {
    if (paths.includes(path)) continue;
    if (paths.length >= max) {
      dropped += 1;
      continue;
    }
    paths.push(path);
  }
  return { paths, dropped };
}

/** What a thumbnail says about its upload. */
export function photoStatusText(photo: PhotoItem): string {
  switch (photo.status) {
    case 'waiting':
      return '等待上传';
    case 'uploading':
      return `上传中 ${Math.round(photo.percent ?? 0)}%`;
    case 'done':
      return '已上传';
    case 'failed':
      return '上传失败';
    default:
      return '';
  }
}

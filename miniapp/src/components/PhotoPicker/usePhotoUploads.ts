/**
 * Photos that upload as soon as they are chosen (补充说明): each with its progress, a retry when it
 * failed, and its upload id once the server has it.
 */
import { useCallback, useRef, useState } from 'react';
import type { UploadResponse } from '@minqing/shared';
import { uploadMedia } from '../../services/api';
import { toApiError } from '../../services/apiError';
import type { PhotoItem } from './photos';

export interface UploadedPhoto extends PhotoItem {
  uploadId?: string;
}

export type UploadFn = (path: string, onProgress: (percent: number) => void) => Promise<Pick<UploadResponse, 'id'>>;

const defaultUpload: UploadFn = (path, onProgress) => uploadMedia(path, { onProgress });

export interface PhotoUploads {
  photos: UploadedPhoto[];
  add(paths: string[]): void;
  remove(path: string): void;
  retry(path: string): void;
  clear(): void;
  /** Ids of the photos the server has, in order. */
  uploadIds: string[];
  /** Some photo is still uploading. */
  uploading: boolean;
  /** Some photo failed and was neither retried nor removed. */
  failed: boolean;
}

export function usePhotoUploads(upload: UploadFn = defaultUpload): PhotoUploads {
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const alive = useRef(new Set<string>());

  const patch = useCallback((path: string, changes: Partial<UploadedPhoto>) => {
    if (!alive.current.has(path)) return;
    setPhotos((list) => list.map((photo) => (photo.path === path ? { ...photo, ...changes } : photo)));
  }, []);

  const start = useCallback(
    (path: string) => {
      patch(path, { status: 'uploading', percent: 0, error: undefined });
      upload(path, (percent) => patch(path, { status: 'uploading', percent }))
        .then((result) => patch(path, { status: 'done', percent: 100, uploadId: result.id }))
        .catch((error: unknown) => patch(path, { status: 'failed', error: toApiError(error).message }));
    },
    [patch, upload],
  );

  const add = useCallback(
    (paths: string[]) => {
      paths.forEach((path) => alive.current.add(path));
      setPhotos((list) => [...list, ...paths.map((path) => ({ path, status: 'waiting' as const }))]);
      paths.forEach(start);
    },
    [start],
  );

  const remove = useCallback((path: string) => {
    alive.current.delete(path);
    setPhotos((list) => list.filter((photo) => photo.path !== path));
  }, []);

  const clear = useCallback(() => {
    alive.current.clear();
    setPhotos([]);
  }, []);

  return {
    photos,
    add,
    remove,
    retry: start,
    clear,
    uploadIds: photos.flatMap((photo) => (photo.uploadId ? [photo.uploadId] : [])),
    uploading: photos.some((photo) => photo.status === 'uploading' || photo.status === 'waiting'),
    failed: photos.some((photo) => photo.status === 'failed'),
  };
}

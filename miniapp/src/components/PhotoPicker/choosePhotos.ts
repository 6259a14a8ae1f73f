/** Opening the camera or the album: the photos chosen, as local paths (compressed in the H5 build). */
import Taro from '@tarojs/taro';
import { compressH5Photo } from './compress';

export type PhotoSource = 'camera' | 'album';

/** The villager closed the camera or album without choosing: nothing to say. */
export function isCancel(error: unknown): boolean {
  const message = (error as { errMsg?: string } | null)?.errMsg ?? '';
  return /cancel|abort/i.test(message);
}

export const cannotOpenMessage = (source: PhotoSource): string =>
  source === 'camera' ? '打不开相机，请允许使用相机后再试' : '打不开相册，请允许访问照片后再试';

export async function choosePhotos(source: PhotoSource, count: number): Promise<string[]> {
  const result = await Taro.chooseMedia({
    count,
    mediaType: ['image'],
    sourceType: [source],
    sizeType: ['compressed'],
    camera: 'back',
  });
  return Promise.all((result?.tempFiles ?? []).map((file) => compressH5Photo(file.tempFilePath, file.size ?? 0)));
}

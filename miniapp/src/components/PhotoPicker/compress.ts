/**
 * H5 only: the browser hands over the camera's full-size photo (often 3–6 MB); on a weak signal that
 * is too much. Large photos are scaled down to 1600 px JPEG before they are kept. WeChat compresses
 * by itself (chooseMedia sizeType 'compressed').
 */
const MAX_SIDE = 1600;
const QUALITY = 0.8;
/** Smaller files are kept as they are. */
export const COMPRESS_ABOVE_BYTES = 1024 * 1024;

export function scaledSize(
  width: number,
  height: number,
  maxSide: number = MAX_SIDE,
): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height };
  const ratio = maxSide / longest;
  return { width: Math.round(width * ratio), height: Math.round(height * ratio) };
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('image did not load'));
    image.src = src;
  });
}

/** A smaller blob URL for a large H5 photo; the original path when anything fails. */
export async function compressH5Photo(path: string, size: number): Promise<string> {
  if (process.env.TARO_ENV !== 'h5' || size <= COMPRESS_ABOVE_BYTES || typeof document === 'undefined') return path;
  try {
    const image = await loadImage(path);
    const { width, height } = scaledSize(image.naturalWidth, image.naturalHeight);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return path;
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    if (!blob || blob.size >= size) return path;
    return URL.createObjectURL(blob);
  } catch {
    return path;
  }
}

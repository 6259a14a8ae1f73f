import type { ErrorCode } from '@minqing/shared';
import { ApiError, signOutExpired } from '../api';
import { currentToken } from '../session';

/**
 * The file name a Content-Disposition gives: the UTF-8 `filename*` (RFC 5987) when present,
 * else the plain `filename`, else the fallback.
 */
export function filenameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: the plain name below still names the file.
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** The server's `{error}` of a failed download, as ApiError. */
type ErrorBody = { error?: { code?: ErrorCode; message?: string; field?: string } } | null;

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody;
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.code ?? 'internal_error',
    error?.message ?? `导出失败（${response.status}）`,
    error?.field,
  );
}

/**
 * Fetches `/api/v1<path>` with the bearer token (a plain link could not send it) and hands
 * the bytes to the browser as a download under the server's file name. Resolves to that name.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请稍后再试');
  }
  if (!response.ok) {
    if (response.status === 401) signOutExpired();
    throw await errorOf(response);
  }
  const name = filenameFrom(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the browser's download; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}

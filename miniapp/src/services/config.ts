/** Where the API lives: H5 is served by the API server itself; weapp uses the build-time API_BASE. */
const DEFAULT_API_BASE = 'http://localhost:3210/api/v1';

export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';
export const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp';

export function apiBase(): string {
  if (isH5()) return '/api/v1';
  return typeof API_BASE === 'string' && API_BASE !== '' ? API_BASE : DEFAULT_API_BASE;
}

/** Ordinary calls give up after 15 s; file uploads on a weak signal get longer. */
export const REQUEST_TIMEOUT_MS = 15_000;
export const UPLOAD_TIMEOUT_MS = 60_000;

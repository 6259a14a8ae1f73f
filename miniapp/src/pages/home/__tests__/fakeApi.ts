/**
 * A fake server for page tests: answers Taro.request by "METHOD /path" (without /api/v1) and
 * records every call. Signs a citizen in by putting a token and profile in storage.
 */
import { act } from '@testing-library/react';
import type { Article, CitizenUser, Notice } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { STORAGE_KEYS } from '../../../services/storage';
import { saveUser } from '../../../services/session';
import { careModeStore } from '../../../stores/careMode';
import { userStore } from '../../../stores/user';

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  data: unknown;
}

export type FakeAnswer = { status?: number; body: unknown };
export type FakeRoutes = Record<string, (request: FakeRequest) => FakeAnswer | unknown>;

export function serveApi(routes: FakeRoutes): FakeRequest[] {
  const calls: FakeRequest[] = [];
  taroMock.request.mockImplementation(async (options: { url: string; method?: string; data?: unknown }) => {
    const url = new URL(options.url, 'http://localhost');
    const request: FakeRequest = {
      method: options.method ?? 'GET',
      path: url.pathname.replace(/^\/api\/v1/, ''),
      query: Object.fromEntries(url.searchParams.entries()),
      data: options.data,
    };
    calls.push(request);
    const handler = routes[`${request.method} ${request.path}`];
    if (!handler) return { statusCode: 404, data: { error: { code: 'not_found', message: '没有找到' } }, header: {} };
    const answer = handler(request);
    const shaped =
      typeof answer === 'object' && answer !== null && 'body' in answer ? (answer as FakeAnswer) : { body: answer };
    return { statusCode: shaped.status ?? 200, data: shaped.body, header: {} };
  });
  return calls;
}

export const VILLAGE = '610921100201';

export function citizen(overrides: Partial<CitizenUser> = {}): CitizenUser {
  return {
    id: '01JCITIZEN0000000000000000',
    nickname: '王大娘',
    villageCode: VILLAGE,
    phone: '139****5678',
    careMode: false,
    ...overrides,
  };
}

/** A signed-in citizen (token + profile in storage and in the user store). */
export function signIn(user: CitizenUser = citizen()): CitizenUser {
  taroMock.storage.set(STORAGE_KEYS.token, 'test-token');
  saveUser(user);
  userStore.set({ user, loading: false, error: null });
  return user;
}

/** Lets answers still in flight land inside act() (call in afterEach of page tests). */
export const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

export function resetStores(): void {
  careModeStore.set({ enabled: false, suggested: false, chosen: false });
  userStore.set({ user: null, loading: false, error: null });
}

let counter = 0;
const nextId = () => `01J${String((counter += 1)).padStart(23, '0')}`;

export function notice(overrides: Partial<Notice> = {}): Notice {
  return {
    id: nextId(),
    title: '五一村关于集中缴纳城乡居民医疗保险的通知',
    body: '各位村民：\n新一年度城乡居民基本医疗保险集中缴费已经开始。',
    category: 'village',
    categoryName: '村务公开',
    regionCode: VILLAGE,
    regionName: '五一村',
    pinned: false,
    status: 'published',
    publishedAt: '2026-11-20T02:00:00.000Z',
    expiresAt: null,
    readCount: 12,
    imageUploadIds: [],
    ...overrides,
  };
}

export function article(overrides: Partial<Article> = {}): Article {
  return {
    id: nextId(),
    title: '申请最低生活保障（低保）办事指南',
    summary: '低保怎么申请，一文说清',
    body: '申请条件……',
    category: 'guide',
    categoryName: '办事指南',
    regionCode: '610921',
    status: 'published',
    publishedAt: '2026-11-18T02:00:00.000Z',
    readCount: 30,
    ...overrides,
  };
}

export const page = <T>(items: T[], total = items.length, pageNo = 1, pageSize = 20) => ({
  items,
  total,
  page: pageNo,
  pageSize,
});

export const REGION_TREE = [
  {
    code: '610921',
    name: '汉阴县',
    level: 'county',
    children: [
      {
        code: '610921100',
        name: '城关镇',
        level: 'township',
        children: [{ code: VILLAGE, name: '五一村', level: 'village', children: [] }],
      },
    ],
  },
];

import type { Access, HttpMethod } from './route';

/** A route's method, path and who may call it, without its schemas. */
export interface Endpoint {
  readonly method: HttpMethod;
  readonly path: string;
  readonly access: Access;
}

const endpoint = <const M extends HttpMethod, const P extends string, const A extends Access>(
  method: M,
  path: P,
  access: A,
) => ({ method, path, access });

/**
 * The routes the citizen mini-program calls: method, path and access are written here and nowhere
 * else. Their contracts (catalog.ts, reports.ts, …) take them from here and add the schemas; the
 * mini-program takes only this table (through citizenApi.ts), so its main package stays without zod.
 */
export const CITIZEN_ENDPOINTS = {
  catalog: {
    services: endpoint('get', '/services', 'public'),
    regions: endpoint('get', '/regions', 'public'),
    categories: endpoint('get', '/categories', 'public'),
    deputies: endpoint('get', '/deputies', 'public'),
  },
  auth: {
    wechatLogin: endpoint('post', '/auth/wechat-login', 'public'),
    devLogin: endpoint('post', '/auth/dev-login', 'public'),
  },
  me: {
    profile: endpoint('get', '/me', 'citizen'),
    update: endpoint('patch', '/me', 'citizen'),
    bindPhone: endpoint('post', '/me/phone', 'citizen'),
    exportData: endpoint('get', '/me/export', 'citizen'),
    requestDeletion: endpoint('post', '/me/deletion-request', 'citizen'),
  },
  reports: {
    submit: endpoint('post', '/reports', 'citizen'),
    mine: endpoint('get', '/reports/mine', 'citizen'),
    detail: endpoint('get', '/reports/:id', 'citizen'),
    rate: endpoint('post', '/reports/:id/rating', 'citizen'),
    dispute: endpoint('post', '/reports/:id/dispute', 'citizen'),
    supplement: endpoint('post', '/reports/:id/supplements', 'citizen'),
  },
  notices: {
    list: endpoint('get', '/notices', 'citizen'),
    detail: endpoint('get', '/notices/:id', 'citizen'),
  },
  articles: {
    list: endpoint('get', '/articles', 'citizen'),
    detail: endpoint('get', '/articles/:id', 'citizen'),
  },
  /** 附件 of a published notice or article, by the content's kind. */
  contentFiles: {
    notices: endpoint('get', '/notices/:id/files', 'citizen'),
    articles: endpoint('get', '/articles/:id/files', 'citizen'),
  },
  messages: {
    list: endpoint('get', '/messages', 'citizen'),
    markRead: endpoint('post', '/messages/:id/read', 'citizen'),
  },
  following: {
    similar: endpoint('get', '/reports/similar', 'citizen'),
    list: endpoint('get', '/reports/following', 'citizen'),
    follow: endpoint('post', '/reports/:id/follow', 'citizen'),
    unfollow: endpoint('delete', '/reports/:id/follow', 'citizen'),
  },
  push: {
    settings: endpoint('get', '/push/settings', 'citizen'),
    subscriptions: endpoint('post', '/push/subscriptions', 'citizen'),
    follows: endpoint('put', '/push/follows', 'citizen'),
  },
  points: {
    summary: endpoint('get', '/points', 'citizen'),
    shop: endpoint('get', '/points/shop', 'citizen'),
    redemptions: endpoint('get', '/points/redemptions', 'citizen'),
    redeem: endpoint('post', '/points/redemptions', 'citizen'),
    cancel: endpoint('post', '/points/redemptions/:id/cancel', 'citizen'),
  },
  rewards: {
    list: endpoint('get', '/me/rewards', 'citizen'),
    refresh: endpoint('post', '/me/rewards/:id/refresh', 'citizen'),
  },
  openData: {
    reports: endpoint('get', '/public/reports', 'public'),
    rankings: endpoint('get', '/public/rankings', 'public'),
    rankingTrend: endpoint('get', '/public/rankings/trend', 'public'),
  },
  uploads: {
    upload: endpoint('post', '/uploads', 'citizenOrStaff'),
    content: endpoint('get', '/uploads/:id/content', 'citizenOrStaff'),
    link: endpoint('get', '/uploads/:id/link', 'citizenOrStaff'),
    mode: endpoint('get', '/uploads/mode', 'public'),
    direct: endpoint('post', '/uploads/direct', 'citizenOrStaff'),
    confirmDirect: endpoint('post', '/uploads/direct/confirm', 'citizenOrStaff'),
  },
} as const;

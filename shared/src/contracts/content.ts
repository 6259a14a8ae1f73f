import {
  ArticleListQuerySchema,
  ArticlePageSchema,
  ArticleSchema,
  NoticeDetailQuerySchema,
  NoticeListQuerySchema,
  NoticePageSchema,
  NoticeSchema,
} from '../schemas/content';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { defineRoute, named, ok } from './route';

/** 政务村务: the notice board of a village, with what its township and county posted. */
export const noticeRoutes = {
  list: defineRoute({
    ...CITIZEN_ENDPOINTS.notices.list,
    summary: '政务村务公告 / The village notice board',
    description: "Who: citizen. 政务村务 for the citizen's village, township and county, newest first",
    tags: ['notices'],
    query: NoticeListQuerySchema,
    responses: [ok(named('NoticePage', NoticePageSchema))],
    errors: [400, 401],
  }),
  detail: defineRoute({
    ...CITIZEN_ENDPOINTS.notices.detail,
    summary: '公告详情 / One notice',
    tags: ['notices'],
    query: NoticeDetailQuerySchema,
    responses: [ok(named('Notice', NoticeSchema))],
    errors: [400, 401, 404],
  }),
};

/** 消息推送: policy information and 办事指南 for the whole county, newest first. */
export const articleRoutes = {
  list: defineRoute({
    ...CITIZEN_ENDPOINTS.articles.list,
    summary: '消息推送 / Policy information and guides',
    description: 'Who: citizen. 消息推送 articles for the whole county',
    tags: ['articles'],
    query: ArticleListQuerySchema,
    responses: [ok(named('ArticlePage', ArticlePageSchema))],
    errors: [400, 401],
  }),
  detail: defineRoute({
    ...CITIZEN_ENDPOINTS.articles.detail,
    summary: '文章详情 / One article',
    tags: ['articles'],
    responses: [ok(named('Article', ArticleSchema))],
    errors: [401, 404],
  }),
};

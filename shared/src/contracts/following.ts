import {
  FollowResultSchema,
  FollowingQuerySchema,
  FollowingResponseSchema,
  SimilarReportsQuerySchema,
  SimilarReportsResponseSchema,
} from '../schemas/following';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { defineRoute, named, ok } from './route';

const tags = ['reports'] as const;
const endpoints = CITIZEN_ENDPOINTS.following;
const followResult = ok(named('FollowResult', FollowResultSchema));

/** 我也遇到: similar open reports while composing, following one instead of filing it again, and 我关注的. */
export const followingRoutes = {
  similar: defineRoute({
    ...endpoints.similar,
    summary:
      '相似问题（我也遇到）/ Up to five open reports of the village that look like what is being written: only what 本村动态 may show (checked text, never who reported it); never anonymous, 违法举报, 涉疫报备, 风险申报 or 代表工作, never one’s own',
    description:
      "Who: citizen. 我也遇到 while composing: up to five open reports of the village whose text looks like `text` (Dice of character bigrams ≥ `DUPLICATE_MIN_SIMILARITY`, the duplicate search's measure), among what 本村动态 may show — 民情直通, 公开 on, text passed content security; never anonymous, 违法举报, 涉疫报备, 风险申报, 代表工作, never one's own → `{items: [{id, serialNo, excerpt, status, category, department, followers}]}`; no name, phone, voice, transcript or place",
    tags,
    query: SimilarReportsQuerySchema,
    responses: [ok(named('SimilarReports', SimilarReportsResponseSchema))],
    errors: [400, 401],
  }),
  list: defineRoute({
    ...endpoints.list,
    summary: '我关注的 / The reports one follows with 我也遇到, latest joined first',
    description:
      'Who: citizen. 我关注的: the reports one follows, latest joined first → `{items, total, page, pageSize}`',
    tags,
    query: FollowingQuerySchema,
    responses: [ok(named('FollowingPage', FollowingResponseSchema))],
    errors: [400, 401],
  }),
  follow: defineRoute({
    ...endpoints.follow,
    summary:
      '我也遇到 / Follow a report /similar may list instead of filing it again (idempotent); followers get its progress messages and see its public view; 404 for any other report, one’s own included',
    description:
      "Who: citizen. 我也遇到: follow a report /similar could list instead of filing it again → `{followers, following}`; idempotent per citizen; 404 for any other report, one's own included; leaving also works once it is resolved",
    tags,
    responses: [followResult],
    errors: [401, 404],
  }),
  unfollow: defineRoute({
    ...endpoints.unfollow,
    summary: '取消关注 / Stop following a report (leaving twice changes nothing)',
    tags,
    responses: [followResult],
    errors: [401, 404],
  }),
};

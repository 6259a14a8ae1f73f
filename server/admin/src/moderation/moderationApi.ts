import { moderationRoutes as routes } from '@minqing/shared';
import { call } from '../api';

/** 内容审核 (shared/src/contracts/moderation.ts). */
export const moderationApi = {
  /** Held content of one report (text, transcript, supplements, media). */
  heldForReport: (reportId: string) =>
    call(routes.list, { query: { state: 'held', pageSize: 100, reportId } }).then((page) => page.items),
  decide: (id: string, decision: 'release' | 'reject') => call(routes.decide, { params: { id }, body: { decision } }),
};

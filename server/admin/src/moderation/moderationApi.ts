import type { ModerationItem, Page } from '@minqing/shared';
import { request } from '../api';

/** server/src/routes/moderation */
export const moderationApi = {
  /** Held content of one report (text, transcript, supplements, media). */
  heldForReport: (reportId: string) =>
    request<Page<ModerationItem>>(
      `/staff/moderation?state=held&pageSize=100&reportId=${encodeURIComponent(reportId)}`,
    ).then((page) => page.items),
  decide: (id: string, decision: 'release' | 'reject') =>
    request<ModerationItem>(`/staff/moderation/${encodeURIComponent(id)}/decision`, {
      method: 'POST',
      body: { decision },
    }),
};

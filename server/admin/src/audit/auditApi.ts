import { type QueryInput, auditLogRoutes } from '@minqing/shared';
import { call } from '../api';

/** 审计日志 (server/src/http/auditLog). */
export const auditApi = {
  list: (queryString: string) =>
    call(auditLogRoutes.list, {
      query: Object.fromEntries(new URLSearchParams(queryString)) as QueryInput<typeof auditLogRoutes.list>,
    }),
};

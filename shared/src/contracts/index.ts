import { auditLogRoutes } from './auditLog';
import { replyTemplateRoutes } from './replyTemplates';
import type { RouteContract } from './route';

export * from './route';
export { auditLogRoutes, replyTemplateRoutes };

/** Every route declared as a contract; the server registers them and the OpenAPI document lists them. */
export const API_CONTRACTS: readonly RouteContract[] = [
  ...Object.values(replyTemplateRoutes),
  ...Object.values(auditLogRoutes),
];

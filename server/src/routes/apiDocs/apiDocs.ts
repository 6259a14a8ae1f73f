import Router from '@koa/router';
import { systemRoutes } from '@minqing/shared';
import { publicAccess } from '../../middleware/auth';
import { type ApiRouter, implement } from '../implement';
import { openApiDocument } from './openApiDocument';

/** This API described from its contracts, public on purpose. */
export function apiDocsRouter() {
  const router: ApiRouter = new Router();
  implement(router, systemRoutes.openApi, publicAccess, () => openApiDocument());
  return router;
}

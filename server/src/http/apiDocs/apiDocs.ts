import Router from '@koa/router';
import { systemRoutes } from '@minqing/shared';
import type { AppContext } from '../../context';
import { type ApiRouter, implement } from '../implement';
import { renderDocsPage } from './docsPage';
import { openApiDocument } from './openApiDocument';

/** Only the page's own inline style may apply: no script runs and nothing is fetched. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

let page: string | undefined;

/** This API described from its contracts, public on purpose: GET /openapi.json for machines, GET /docs for people. */
export function apiDocsRouter() {
  const router: ApiRouter = new Router();
  implement(router, systemRoutes.openApi, () => openApiDocument());

  // HTML, not JSON: registered from the contract's method and path. Built once, like the document.
  const docs = systemRoutes.docs;
  router[docs.method](docs.path, (ctx: AppContext) => {
    page ??= renderDocsPage(openApiDocument());
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Content-Security-Policy', PAGE_POLICY);
    ctx.body = page;
  });
  return router;
}

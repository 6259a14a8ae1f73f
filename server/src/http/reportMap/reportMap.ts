import Router from '@koa/router';
import { staffReportRoutes as routes } from '@minqing/shared';
import { authorize } from '../implement';
import type { AppContext, AppDeps, AppState } from '../../context';
import { AppError, notConfigured, notFound } from '../../errors';
import { TencentMapError } from '../../integrations/tencentmap/tencentMapClient';
import { loadViewableReport } from '../../policies/viewableReport';

/**
 * 地图: the report's point on Tencent's static map, fetched by the server so the key never leaves it.
 * Scoped like the report itself; 503 without TENCENT_MAP_KEY, 404 for a report without a point.
 */
export function reportMapRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();

  // An image, so it answers through ctx itself.
  router[routes.map.method](routes.map.path, ...authorize(routes.map), async (ctx: AppContext) => {
    const report = await loadViewableReport(ctx);
    const maps = ctx.deps.maps;
    if (!maps) throw notConfigured('未配置腾讯地图（TENCENT_MAP_KEY），无法显示地图');
    if (report.lat === null || report.lng === null) throw notFound('该事项没有标记位置');
    try {
      const image = await maps.staticMap({ lat: report.lat, lng: report.lng, coordSystem: report.coordSystem });
      ctx.set('Cache-Control', 'private, max-age=3600');
      ctx.type = image.contentType;
      ctx.body = image.body;
    } catch (error) {
      if (!(error instanceof TencentMapError)) throw error;
      ctx.deps.logger.warn({ err: error, reportId: report.id }, 'static map unavailable');
      throw new AppError(502, 'internal_error', '腾讯地图暂时无法显示，请稍后再试');
    }
  });

  return router;
}

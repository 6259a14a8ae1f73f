import Router from '@koa/router';
import { meRoutes as routes } from '@minqing/shared';
import { Screening } from '../../commands/contentScreening';
import { bindPhone } from '../../commands/phoneBinder';
import { transaction } from '../../db/dataSource';
import { Citizen, Region } from '../../db/entities';
import { AppError, badRequest, notConfigured } from '../../errors';
import { WechatApiError } from '../../integrations/wechat/wechatAuthClient';
import { currentCitizen } from '../../middleware/auth';
import { presentCitizen } from '../../presenters/citizen';
import { type ApiRouter, implement } from '../implement';
import { dataRightsRoutes } from './dataRights';

/** WeChat's error codes for a getPhoneNumber code, as the citizen should read them. */
function bindPhoneError(error: unknown): AppError {
  if (error instanceof WechatApiError && (error.errcode === 40029 || error.errcode === 40163)) {
    return new AppError(400, 'bad_request', '手机号授权已失效，请重新点击绑定手机号', 'code');
  }
  if (error instanceof WechatApiError && error.errcode === 45011)
    return new AppError(429, 'rate_limited', '操作过于频繁，请稍后再试');
  return new AppError(502, 'internal_error', '微信服务暂时无法连接，手机号未绑定，请稍后再试');
}

/** The signed-in citizen's own profile. */
export function meRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.profile, (ctx) => presentCitizen(currentCitizen(ctx), ctx.deps.cipher));

  implement(router, routes.update, async (ctx, { body: patch }) => {
    const citizen = currentCitizen(ctx);
    if (patch.villageCode) {
      const village = await ctx.deps.dataSource
        .getRepository(Region)
        .findOneBy({ code: patch.villageCode, level: 'village' });
      if (!village) throw badRequest('没有这个村(社区)', 'villageCode');
    }
    const screening = await Screening.ofTexts(ctx.deps, citizen, [
      { field: 'nickname', bodyField: 'nickname', content: patch.nickname },
    ]);
    Object.assign(citizen, patch);
    await transaction(ctx.deps.dataSource, async (manager) => {
      await manager.getRepository(Citizen).save(citizen);
      await screening.record(manager, { citizen, report: null, eventId: null, attachments: [] });
    });
    return presentCitizen(citizen, ctx.deps.cipher);
  });

  /** 绑定手机号: exchanges the getPhoneNumber code; a number another citizen bound is refused (409). */
  implement(router, routes.bindPhone, async (ctx, { body: { code } }) => {
    const citizen = currentCitizen(ctx);
    const wechat = ctx.deps.wechat;
    if (!wechat) throw notConfigured('手机号绑定暂不可用');
    let phone: string;
    try {
      phone = await wechat.getUserPhoneNumber(code);
    } catch (error) {
      throw bindPhoneError(error);
    }
    return presentCitizen(await bindPhone(ctx.deps, { citizen, phone }), ctx.deps.cipher);
  });

  // 导出我的数据, 申请注销账号.
  dataRightsRoutes(router);

  return router;
}

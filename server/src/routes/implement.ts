import type Router from '@koa/router';
import type { BodyOutput, ParamsOf, QueryOutput, ResultOf, RouteContract } from '@minqing/shared';
import type { Middleware } from 'koa';
import type { AppContext, AppDeps, AppState } from '../context';
import { parseBody, parseQuery } from '../middleware/validate';

export type ApiRouter = Router<AppState, { deps: AppDeps }>;

/** What a handler receives, already validated against the route's contract. */
export interface ContractInput<C extends RouteContract> {
  params: ParamsOf<C>;
  query: QueryOutput<C>;
  body: BodyOutput<C>;
}

/** Authentication, the policy's role check and request limits, in the order they run. */
export type Guard = Middleware<AppState, { deps: AppDeps }>;

export type ContractHandler<C extends RouteContract> = (
  ctx: AppContext,
  input: ContractInput<C>,
) => Promise<ResultOf<C>> | ResultOf<C>;

/**
 * Registers one route from its contract: the guards (authentication, the policy's role check,
 * request limits) run first, then the query and body are validated with the contract's schemas (400 naming the
 * field), then the handler; its answer is sent with the contract's status.
 */
export function implement<C extends RouteContract>(
  router: ApiRouter,
  contract: C,
  guard: Guard | readonly Guard[],
  handler: ContractHandler<C>,
): void {
  const status = contract.responses[0]?.status ?? 200;
  const guards = Array.isArray(guard) ? guard : [guard];
  router[contract.method](contract.path, ...guards, async (ctx: AppContext) => {
    const input = {
      params: ctx.params,
      query: contract.query ? parseQuery(ctx, contract.query) : undefined,
      body: contract.body?.kind === 'json' ? parseBody(ctx, contract.body.schema.schema) : undefined,
    } as ContractInput<C>;
    const answer = await handler(ctx, input);
    ctx.status = status;
    if (status !== 204) ctx.body = answer;
  });
}

import type Router from '@koa/router';
import type { BodyOutput, ParamsOf, QueryOutput, ResultOf, RouteContract } from '@minqing/shared';
import type { Middleware } from 'koa';
import type { AppContext, AppDeps, AppState } from '../context';
import { citizenAuth, citizenOrStaffAuth, staffAuth } from '../middleware/auth';
import { parseBody, parseQuery } from '../middleware/validate';
import { rolesAdmittedBy } from '../policies/abilities';

export type ApiRouter = Router<AppState, { deps: AppDeps }>;

/** What a handler receives, already validated against the route's contract. */
export interface ContractInput<C extends RouteContract> {
  params: ParamsOf<C>;
  query: QueryOutput<C>;
  body: BodyOutput<C>;
}

/** A middleware that runs before the handler: authentication and the policy's check, then request limits. */
export type Guard = Middleware<AppState, { deps: AppDeps }>;

export type ContractHandler<C extends RouteContract> = (
  ctx: AppContext,
  input: ContractInput<C>,
) => Promise<ResultOf<C>> | ResultOf<C>;

/**
 * Who may call the route, from its contract: nobody is asked for a token on a public route; a
 * citizen route wants a citizen's (401 otherwise); a staff route wants a staff member's (401) whose
 * role the contract's policy admits (403 otherwise, see policies/abilities.ts).
 */
export function authorize(contract: RouteContract): Guard[] {
  switch (contract.access) {
    case 'public':
      return [];
    case 'citizen':
      return [citizenAuth()];
    case 'staff':
      return [
        staffAuth(rolesAdmittedBy(contract.policy), { whilePasswordChangeDue: contract.policy === 'ownAccount' }),
      ];
    case 'citizenOrStaff':
      return [citizenOrStaffAuth(rolesAdmittedBy(contract.policy))];
  }
}

/**
 * Registers one route from its contract: the contract's authorization (`authorize`) runs first,
 * then any request limits, then the query and body are validated with the contract's schemas (400
 * naming the field), then the handler; its answer is sent with the contract's status.
 */
export function implement<C extends RouteContract>(router: ApiRouter, contract: C, handler: ContractHandler<C>): void;
export function implement<C extends RouteContract>(
  router: ApiRouter,
  contract: C,
  limits: Guard | readonly Guard[],
  handler: ContractHandler<C>,
): void;
export function implement<C extends RouteContract>(
  router: ApiRouter,
  contract: C,
  ...rest: [ContractHandler<C>] | [Guard | readonly Guard[], ContractHandler<C>]
): void {
  const [limits, handler] = rest.length === 1 ? [[], rest[0]] : rest;
  const status = contract.responses[0]?.status ?? 200;
  router[contract.method](contract.path, ...authorize(contract), ...[limits].flat(), async (ctx: AppContext) => {
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

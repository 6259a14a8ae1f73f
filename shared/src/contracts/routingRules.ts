import { PageQuerySchema } from '../schemas/common';
import {
  RoutingExamplePageSchema,
  RoutingRuleInputSchema,
  RoutingRulePageSchema,
  RoutingRuleQuerySchema,
  RoutingRuleSchema,
} from '../schemas/routing';
import { created, defineRoute, jsonBody, named, noContent, ok } from './route';

const tags = ['routing'] as const;

/** 分派规则 (category, region → department) and the dispatchers' corrections retraining learns from. */
export const routingRuleRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/staff/routing/rules',
    summary: "分派规则 / Routing rules (category, region → department) in the staff member's region",
    description:
      "Who: county, sysadmin. Routing rules (category, region → department) within one's region; dispatchers' corrections",
    tags,
    access: 'staff',
    policy: 'config',
    query: RoutingRuleQuerySchema,
    responses: [ok(named('RoutingRulePage', RoutingRulePageSchema))],
    errors: [400, 401, 403],
  }),
  create: defineRoute({
    method: 'post',
    path: '/staff/routing/rules',
    summary: '新增分派规则 / Add a routing rule',
    tags,
    access: 'staff',
    policy: 'config',
    body: jsonBody('RoutingRuleInput', RoutingRuleInputSchema),
    responses: [created(named('RoutingRule', RoutingRuleSchema))],
    errors: [400, 401, 403, 409],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/staff/routing/rules/:id',
    summary: '删除分派规则 / Remove a routing rule',
    tags,
    access: 'staff',
    policy: 'config',
    responses: [noContent],
    errors: [401, 403, 404],
  }),
  examples: defineRoute({
    method: 'get',
    path: '/staff/routing/examples',
    summary: "分派纠正记录 / Dispatchers' category corrections, the examples retraining learns from",
    tags,
    access: 'staff',
    policy: 'config',
    query: PageQuerySchema,
    responses: [ok(named('RoutingExamplePage', RoutingExamplePageSchema))],
    errors: [400, 401, 403],
  }),
};

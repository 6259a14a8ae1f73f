import { PartnerCreatedSchema, PartnerInputSchema, PartnerListSchema, PartnerSchema } from '../schemas/openness';
import { created, defineRoute, jsonBody, named, ok } from './route';

export const PARTNERS_TAG = {
  name: 'staff-partners',
  description: '合作方 / Partner systems and their Open311 api_keys',
};
const tags = [PARTNERS_TAG.name] as const;

/** 合作方: the systems allowed to file through Open311, each with its own api_key (shown once). */
export const partnerRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/staff/partners',
    summary: '合作方列表 / Partner systems with their key prefixes (county centre and sysadmin)',
    description:
      'Who: county, sysadmin. 合作方: issue a partner system its Open311 api_key (answered once, stored as SHA-256), list, revoke; audited',
    tags,
    access: 'staff',
    policy: 'partners',
    responses: [ok(named('PartnerList', PartnerListSchema))],
    errors: [401, 403],
  }),
  create: defineRoute({
    method: 'post',
    path: '/staff/partners',
    summary: '新增合作方 / Issue a partner its api_key, answered once and stored hashed; audited',
    tags,
    access: 'staff',
    policy: 'partners',
    body: jsonBody('PartnerInput', PartnerInputSchema),
    responses: [created(named('PartnerCreated', PartnerCreatedSchema))],
    errors: [400, 401, 403],
  }),
  revoke: defineRoute({
    method: 'post',
    path: '/staff/partners/:id/revoke',
    summary: '吊销密钥 / Revoke a partner’s api_key for good; audited',
    tags,
    access: 'staff',
    policy: 'partners',
    responses: [ok(named('Partner', PartnerSchema))],
    errors: [401, 403, 404, 409],
  }),
};

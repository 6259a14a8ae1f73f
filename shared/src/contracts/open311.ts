import {
  Open311DiscoverySchema,
  Open311ErrorSchema,
  Open311RequestsQuerySchema,
  Open311ServiceDefinitionSchema,
  Open311ServiceListSchema,
  Open311ServiceRequestListSchema,
  Open311SubmitSchema,
  Open311SubmittedSchema,
} from '../schemas/open311';
import { created, defineRoute, jsonBody, named, ok } from './route';

export const OPEN311_TAG = {
  name: 'open311',
  description:
    'Open311 GeoReport v2 / 合作方接口：读取与本村动态相同的公开诉求，凭 api_key 提交诉求；错误为规范格式 `[{code, description}]`（400 字段错误、401 缺少 api_key、403 密钥无效或已吊销、404 没有找到）',
};

// Errors are the specification's `[{code, description}]`, not the shared ErrorBody.
const common = {
  tags: [OPEN311_TAG.name],
  access: 'public',
  root: true,
  errorBody: named('Open311Error', Open311ErrorSchema),
} as const;
const requestList = named('Open311ServiceRequestList', Open311ServiceRequestListSchema);

/** Open311 GeoReport v2 for a county's 12345 platform or a partner system (PRODUCT.md §9 Openness). */
export const open311Routes = {
  discovery: defineRoute({
    ...common,
    method: 'get',
    path: '/open311/v2/discovery.json',
    errors: [],
    summary: 'Open311 服务发现 / GeoReport v2 service discovery',
    description:
      'Who: public. Open311 GeoReport v2 (JSON): services are the categories; requests are exactly the 本村动态 reports (service_request_id = serial number, status open/closed with status_notes = the answer, agency_responsible, expected_datetime = resolve deadline, address/address_id = township + village, lat/long always null); filters service_request_id, service_code, start_date, end_date (≤ 90 days apart), status; at most 1000; errors `[{code, description}]`',
    responses: [ok(named('Open311Discovery', Open311DiscoverySchema))],
  }),
  services: defineRoute({
    ...common,
    method: 'get',
    path: '/open311/v2/services.json',
    errors: [],
    summary: 'Open311 服务列表 / The request types: our categories',
    responses: [ok(named('Open311ServiceList', Open311ServiceListSchema))],
  }),
  service: defineRoute({
    ...common,
    method: 'get',
    path: '/open311/v2/services/:service_code.json',
    errors: [404],
    summary: 'Open311 服务定义 / A service definition (no extra attributes)',
    responses: [ok(named('Open311ServiceDefinition', Open311ServiceDefinitionSchema))],
  }),
  requests: defineRoute({
    ...common,
    method: 'get',
    path: '/open311/v2/requests.json',
    errors: [400],
    summary:
      'Open311 诉求列表 / The village boards’ public reports: the last 90 days by default, a window of at most 90 days, at most 1000',
    query: Open311RequestsQuerySchema,
    responses: [ok(requestList)],
  }),
  submit: defineRoute({
    ...common,
    method: 'post',
    path: '/open311/v2/requests.json',
    errors: [400, 401, 403, 409],
    summary:
      'Open311 提交诉求 / File a report with a partner’s api_key (form-encoded or JSON; address_id is the village code); the same request again answers the same report',
    description:
      'Who: partner api_key. Files a 民情直通 report through the same submitter (service_code = category, address_id = village code, description, optional lat/long/address_string/phone), form-encoded or JSON; the same request again answers the same report; 401 without api_key, 403 unknown or revoked',
    body: jsonBody('Open311Submit', Open311SubmitSchema),
    responses: [created(named('Open311Submitted', Open311SubmittedSchema), 'Created')],
  }),
  request: defineRoute({
    ...common,
    method: 'get',
    path: '/open311/v2/requests/:id.json',
    errors: [404],
    summary: 'Open311 单条诉求 / One public report by its serial number',
    responses: [ok(requestList)],
  }),
};

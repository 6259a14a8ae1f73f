import Router from '@koa/router';
import {
  CITIZEN_STATUS_NAMES,
  type Open311Error,
  type Open311RequestsQuery,
  type Open311ServiceRequest,
  type Open311Submit,
  PUBLIC_REPORT_DAYS,
  type PublicReport,
  type PublicReportState,
  open311Routes as routes,
} from '@minqing/shared';
import type { Middleware } from 'koa';
import { ZodError } from 'zod';
import { createHash } from 'node:crypto';
import { Screening } from '../../commands/contentScreening';
import { partnerByKey } from '../../commands/partnerKeys';
import { submitReport } from '../../commands/reportSubmitter';
import type { AppContext, AppDeps, AppState } from '../../context';
import type { Category } from '../../db/entities';
import type { ReferenceSnapshot } from '../../db/referenceData';
import { AppError, badRequest, forbidden, notFound, unauthorized } from '../../errors';
import { idempotencyKeyOf } from '../../middleware/idempotencyKey';
import { actionLimit } from '../../middleware/rateLimit';
import { parseBody } from '../../middleware/validate';
import { zodToAppError } from '../../middleware/errors';
import { findPublicReports, presentPublicReports, type PublicReportFilter } from '../../openness/publicReports';
import { type ApiRouter, implement } from '../implement';

/**
 * Open311 GeoReport v2 at /open311/v2, so a county's 12345 platform or a partner system can read
 * and file reports. Reading shows exactly the village board's reports (openness/publicReports: the
 * same query, the same fields, placed by village only); filing needs a partner's api_key and goes
 * through the same submitter as a citizen's report. Errors are the specification's
 * `[{code, description}]`. JSON only.
 */

export const OPEN311_PREFIX = '/open311/v2';
const MAX_REQUESTS = 1000;
const DAY_MS = 24 * 3600 * 1000;
/** Categories that belong to other services than 民情直通 (a message to a deputy). */
const NOT_OFFERED = new Set(['deputy_message']);

/** Our field names in errors, in the specification's words. */
const SPEC_FIELDS: Record<string, string> = {
  villageCode: 'address_id',
  categoryCode: 'service_code',
  text: 'description',
  contactPhone: 'phone',
  'Idempotency-Key': 'Idempotency-Key',
};

function open311Errors(): Middleware<AppState, { deps: AppDeps }> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (caught) {
      const error = caught instanceof ZodError ? zodToAppError(caught) : caught;
      if (!(error instanceof AppError)) throw caught;
      const field = error.field ? (SPEC_FIELDS[error.field] ?? error.field) : null;
      ctx.status = error.status;
      ctx.body = [
        { code: error.status, description: field ? `${field}: ${error.message}` : error.message },
      ] satisfies Open311Error;
    }
  };
}

const offered = (lookups: ReferenceSnapshot): Category[] =>
  [...lookups.categories.values()]
    .filter((category) => !category.disabled && !NOT_OFFERED.has(category.code))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));

function serviceRequestOf(report: PublicReport, origin: string): Open311ServiceRequest {
  return {
    service_request_id: report.serialNo,
    status: report.state === 'resolved' ? 'closed' : 'open',
    status_notes: report.answer?.text ?? CITIZEN_STATUS_NAMES[report.status],
    service_name: report.category?.name ?? null,
    service_code: report.category?.code ?? null,
    description: report.text,
    agency_responsible: report.department?.name ?? null,
    service_notice: null,
    requested_datetime: report.createdAt,
    updated_datetime: report.updatedAt,
    expected_datetime: report.dueAt,
    address: `${report.township.name}${report.village.name}`,
    address_id: report.village.code,
    zipcode: null,
    lat: null,
    long: null,
    media_url: report.photos[0] ? `${origin}${report.photos[0].url}` : null,
  };
}

function dateOf(value: string | undefined): Date | undefined {
  return value === undefined ? undefined : new Date(value);
}

/** The spec's filters: ids alone when given; otherwise a window of at most 90 days (the last 90 by default). */
function filterOf(query: Open311RequestsQuery, now: Date): PublicReportFilter {
  const page = { offset: 0, limit: MAX_REQUESTS };
  if (query.service_request_id) return { ...page, serialNos: query.service_request_id };
  const end = dateOf(query.end_date) ?? now;
  const start = dateOf(query.start_date) ?? new Date(end.getTime() - PUBLIC_REPORT_DAYS * DAY_MS);
  if (end.getTime() - start.getTime() > PUBLIC_REPORT_DAYS * DAY_MS)
    throw badRequest(`start_date 与 end_date 相距不能超过 ${PUBLIC_REPORT_DAYS} 天`, 'start_date');
  if (end < start) throw badRequest('start_date 不能晚于 end_date', 'start_date');
  const states = new Set(query.status ?? []);
  const state: PublicReportState | undefined =
    states.size === 1 ? (states.has('closed') ? 'resolved' : 'open') : undefined;
  return { ...page, from: start, to: end, state, categoryCodes: query.service_code };
}

/** Same words, same partner: the same request, answered with the report it filed (unless an Idempotency-Key says otherwise). */
function requestKeyOf(ctx: AppContext, body: Open311Submit): string {
  const given = idempotencyKeyOf(ctx);
  if (given) return given;
  const { api_key: _key, ...request } = body;
  const fields = Object.keys(request)
    .sort()
    .map((name) => [name, request[name as keyof typeof request]]);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export function open311Router() {
  const router: ApiRouter = new Router();
  const errors = open311Errors();

  implement(router, routes.discovery, errors, (ctx) => ({
    changeset: '2026-12-06T00:00:00Z',
    contact: '汉阴县 321 民情在线 / 12345 热线',
    key_service: '接口密钥由县级管理员在管理后台「合作方」页面发放',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${ctx.origin}${OPEN311_PREFIX}`,
        changeset: '2026-12-06T00:00:00Z',
        type: 'production' as const,
        formats: ['application/json'],
      },
    ],
  }));

  implement(router, routes.services, errors, async (ctx) => {
    const lookups = await ctx.deps.reference.snapshot();
    ctx.set('Cache-Control', 'public, max-age=300');
    return offered(lookups).map((category) => ({
      service_code: category.code,
      service_name: category.name,
      description: category.name,
      metadata: false,
      type: 'realtime',
      keywords: '',
      group: category.parentCode ? (lookups.categories.get(category.parentCode)?.name ?? '') : '',
    }));
  });

  implement(router, routes.service, errors, async (ctx, { params }) => {
    const lookups = await ctx.deps.reference.snapshot();
    const category = offered(lookups).find((candidate) => candidate.code === params.service_code);
    if (!category) throw notFound('没有这个服务（service_code）');
    return { service_code: category.code, attributes: [] };
  });

  implement(router, routes.requests, errors, async (ctx, { query }) => {
    const now = ctx.deps.clock();
    const manager = ctx.deps.dataSource.manager;
    const { reports } = await findPublicReports(manager, now, filterOf(query, now));
    const lookups = await ctx.deps.reference.snapshot();
    const presented = await presentPublicReports(manager, {
      reports,
      lookups,
      tokenSecret: ctx.deps.config.tokenSecret,
      now,
    });
    return presented.map((report) => serviceRequestOf(report, ctx.origin));
  });

  implement(router, routes.request, errors, async (ctx, { params }) => {
    const now = ctx.deps.clock();
    const manager = ctx.deps.dataSource.manager;
    const { reports } = await findPublicReports(manager, now, { serialNos: [params.id], offset: 0, limit: 1 });
    if (reports.length === 0) throw notFound('没有找到这条公开的诉求');
    const lookups = await ctx.deps.reference.snapshot();
    const [report] = await presentPublicReports(manager, {
      reports,
      lookups,
      tokenSecret: ctx.deps.config.tokenSecret,
      now,
    });
    return [serviceRequestOf(report, ctx.origin)];
  });

  // The api_key is checked before the body (401/403 before 400), so this one parses its own body.
  const submit = routes.submit;
  router[submit.method](submit.path, errors, actionLimit('submit'), async (ctx: AppContext) => {
    const raw = (ctx.request as { body?: { api_key?: unknown } }).body;
    if (typeof raw?.api_key !== 'string' || raw.api_key === '') throw unauthorized('缺少 api_key');
    const found = await partnerByKey(ctx.deps.dataSource.manager, raw.api_key);
    if (!found) throw forbidden('api_key 无效或已吊销');
    const body = parseBody(ctx, submit.body.schema.schema);
    const submission = {
      serviceCode: 'direct' as const,
      villageCode: body.address_id,
      categoryCode: body.service_code,
      text: body.description,
      ...(body.lat !== undefined && body.long !== undefined
        ? {
            location: {
              lat: body.lat,
              lng: body.long,
              // GeoReport v2 gives lat/long in WGS-84.
              coordSystem: 'wgs84' as const,
              ...(body.address_string ? { address: body.address_string } : {}),
            },
          }
        : body.address_string
          ? { location: { address: body.address_string } }
          : {}),
      ...(body.phone ? { contactPhone: body.phone } : {}),
    };
    const screening = await Screening.ofTexts(ctx.deps, found.citizen, [
      { field: 'text', bodyField: 'description', content: body.description },
    ]);
    const { report, replayed } = await submitReport(ctx.deps, {
      citizen: found.citizen,
      body: submission,
      idempotencyKey: requestKeyOf(ctx, body),
      screening,
    });
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    ctx.status = 201;
    ctx.body = [
      {
        service_request_id: report.serialNo,
        service_notice: '已受理，将按时限分派办理 / Received; it will be routed to the responsible department',
        account_id: body.account_id ?? null,
      },
    ];
  });

  return router;
}

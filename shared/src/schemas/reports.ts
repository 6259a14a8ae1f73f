import { z } from 'zod';
import { REPORT_STATUSES, SERVICE_CODES, TIERS, TRANSCRIPT_SOURCES } from '../domain/enums';
import { LIMITS } from '../domain/limits';
import { CITIZEN_ACTIONS, STAFF_ACTIONS, SYSTEM_ACTIONS } from '../domain/reportStateMachine';
import { QUEUE_FIGURES, QUEUE_TAB_KEYS } from '../domain/queueTabs';
import { MEDIA_CHECK_STATES } from './contentSecurity';
import {
  CategoryRefSchema,
  DepartmentRefSchema,
  IdSchema,
  PageQuerySchema,
  PhoneSchema,
  RegionCodeSchema,
  pageOf,
} from './common';
import { freeText } from './text';

/**
 * The coordinate system a point is given in: WeChat's chooseLocation / getLocation({type:'gcj02'})
 * answer GCJ-02 (China's map datum, what Tencent maps use); a browser's geolocation answers WGS-84 (GPS).
 */
export const COORD_SYSTEMS = ['gcj02', 'wgs84'] as const;
export type CoordSystem = (typeof COORD_SYSTEMS)[number];
export const COORD_SYSTEM_NAMES: Record<CoordSystem, string> = { gcj02: 'GCJ-02（国测局）', wgs84: 'WGS-84（GPS）' };
/** A point sent without its system comes from a mini-program built before systems were recorded: GCJ-02. */
export const DEFAULT_COORD_SYSTEM: CoordSystem = 'gcj02';
export const LOCATION_ADDRESS_MAX = 200;

/**
 * Where the problem is: a point (lat and lng together, in `coordSystem`), a typed or picked `address`,
 * or both. H5 may send an address alone. `coordSystem` may be left out (older mini-programs): a point
 * without it is taken as GCJ-02.
 */
export const LocationSchema = z
  .object({
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    coordSystem: z.enum(COORD_SYSTEMS).optional(),
    address: freeText().max(LOCATION_ADDRESS_MAX, `地址不能超过${LOCATION_ADDRESS_MAX}字`).optional(),
  })
  .superRefine((location, ctx) => {
    if ((location.lat === undefined) !== (location.lng === undefined))
      ctx.addIssue({ code: 'custom', path: [location.lat === undefined ? 'lat' : 'lng'], message: '经纬度需同时提供' });
    else if (location.lat === undefined && !location.address)
      ctx.addIssue({ code: 'custom', path: ['address'], message: '请选择位置或填写详细地址' });
  });
export type Location = z.infer<typeof LocationSchema>;

/** Who wrote a report's address: the citizen (typed or picked on the map), or the server from the point (Tencent LBS). */
export const ADDRESS_SOURCES = ['citizen', 'geocoder'] as const;
export type AddressSource = (typeof ADDRESS_SOURCES)[number];

/** A report's location as it is shown: lat/lng absent for an address alone; coordSystem absent for a point stored before systems were recorded. */
export const ReportLocationSchema = z.object({
  lat: z.number().optional(),
  lng: z.number().optional(),
  coordSystem: z.enum(COORD_SYSTEMS).optional(),
  address: z.string().optional(),
  addressSource: z.enum(ADDRESS_SOURCES).optional(),
});
export type ReportLocation = z.infer<typeof ReportLocationSchema>;

export const SubmitReportRequestSchema = z
  .object({
    serviceCode: z.enum(SERVICE_CODES),
    villageCode: RegionCodeSchema,
    text: freeText().max(LIMITS.reportTextMax).optional(),
    voice: z.object({ uploadId: IdSchema, transcript: freeText().max(LIMITS.transcriptMax).optional() }).optional(),
    photoUploadIds: z.array(IdSchema).max(LIMITS.reportPhotosMax).optional(),
    location: LocationSchema.optional(),
    categoryCode: z.string().min(1).max(32).optional(),
    anonymous: z.boolean().optional(),
    /** 民情直通: shown on the village board (no name, phone, voice or exact place) unless the reporter switches it off; default true. */
    public: z.boolean().optional(),
    contactPhone: PhoneSchema.optional(),
    /** 代表工作 only: the deputy the citizen addresses (one of GET /deputies for the village). */
    deputyId: IdSchema.optional(),
  })
  .superRefine((body, ctx) => {
    const hasText = Boolean(body.text && body.text.length > 0);
    if (!hasText && !body.voice && !(body.photoUploadIds && body.photoUploadIds.length > 0)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: '请说一段话、写几句话或拍一张照片' });
    }
    if (body.anonymous && body.serviceCode !== 'illegal') {
      ctx.addIssue({ code: 'custom', path: ['anonymous'], message: '只有违法举报可以匿名' });
    }
    if (body.photoUploadIds && new Set(body.photoUploadIds).size !== body.photoUploadIds.length) {
      ctx.addIssue({ code: 'custom', path: ['photoUploadIds'], message: '照片重复' });
    }
    if (body.deputyId && body.serviceCode !== 'deputy') {
      ctx.addIssue({ code: 'custom', path: ['deputyId'], message: '只有代表工作可以选择人大代表' });
    }
  });
export type SubmitReportRequest = z.infer<typeof SubmitReportRequestSchema>;

/** 代报: the household a grid worker, cadre or 三线 member reports for. */
export const OnBehalfOfSchema = z.object({
  name: freeText({ error: '请填写群众姓名' })
    .min(1, '请填写群众姓名')
    .max(LIMITS.onBehalfNameMax, `姓名不能超过${LIMITS.onBehalfNameMax}字`),
  phone: PhoneSchema.optional(),
  householdId: IdSchema.optional(),
});
export type OnBehalfOf = z.infer<typeof OnBehalfOfSchema>;

/** POST /staff/reports: the citizen's submission, with the household it is filed for. */
export const StaffSubmitReportRequestSchema = SubmitReportRequestSchema.safeExtend({ onBehalfOf: OnBehalfOfSchema });
export type StaffSubmitReportRequest = z.infer<typeof StaffSubmitReportRequestSchema>;

export const AttachmentSchema = z.object({
  id: z.string(),
  kind: z.enum(['photo', 'voice']),
  contentType: z.string(),
  size: z.number().int(),
  durationSeconds: z.number().nullable(),
  url: z.string(),
  /** WeChat content security for a citizen's media; absent for staff uploads, which are not checked. */
  check: z.enum(MEDIA_CHECK_STATES).optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const TimelineEventSchema = z.object({
  id: z.string(),
  type: z.enum(['submitted', ...STAFF_ACTIONS, ...CITIZEN_ACTIONS, ...SYSTEM_ACTIONS]),
  at: z.string(),
  status: z.enum(REPORT_STATUSES),
  note: z.string().nullable(),
  department: DepartmentRefSchema.nullable(),
  /** Who acted, as the citizen may see it: a department name or 您; staff see the account too. */
  actor: z.string().nullable(),
  attachments: z.array(AttachmentSchema),
  public: z.boolean(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const ReportSummarySchema = z.object({
  id: z.string(),
  serialNo: z.string(),
  status: z.enum(REPORT_STATUSES),
  statusName: z.string(),
  serviceCode: z.enum(SERVICE_CODES),
  villageCode: z.string(),
  villageName: z.string(),
  excerpt: z.string(),
  category: CategoryRefSchema.nullable(),
  department: DepartmentRefSchema.nullable(),
  tier: z.enum(TIERS),
  submittedAt: z.string(),
  responseDueAt: z.string().nullable(),
  resolveDueAt: z.string().nullable(),
  rating: z.number().int().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const ReportDetailSchema = ReportSummarySchema.extend({
  text: z.string().nullable(),
  transcript: z.string().nullable(),
  /** Where the transcript came from (null while there is none): 同声传译 on the phone, or the server's transcription. */
  transcriptSource: z.enum(TRANSCRIPT_SOURCES).nullable(),
  voice: AttachmentSchema.nullable(),
  photos: z.array(AttachmentSchema),
  location: ReportLocationSchema.nullable(),
  anonymous: z.boolean(),
  ratingComment: z.string().nullable(),
  /** The deputy a 代表工作 report addresses, if the citizen chose one. */
  deputy: z.object({ id: z.string(), name: z.string(), title: z.string() }).nullable(),
  /**
   * 代报: who filed it (网格员 王强) for whom (李大爷; null on an anonymous report seen by staff).
   * Null when the citizen reported it themselves.
   */
  onBehalf: z.object({ filedBy: z.string(), household: z.string().nullable() }).nullable(),
  /** The rating is a 回访评价 the filer recorded for the household, not the citizen's own. */
  ratingOnBehalf: z.boolean(),
  timeline: z.array(TimelineEventSchema),
  allowedActions: z.array(z.string()),
  /**
   * 我也遇到: true when the caller follows this report rather than reported it. They see the public
   * view: the checked text and photos, who handles it and the answer; no voice, place or rating.
   */
  following: z.boolean().optional(),
});
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

/** A triage suggestion: a category the classifier proposes and where routing would send it. */
export const RoutingSuggestionSchema = z.object({
  categoryCode: z.string(),
  confidence: z.number(),
  departmentId: z.string().nullable(),
});
export type RoutingSuggestion = z.infer<typeof RoutingSuggestionSchema>;

/**
 * A suggestion as staff see it: named, and `confident` when its confidence reaches the routing
 * threshold — only such a suggestion may be offered as the one-click dispatch.
 */
export const NamedRoutingSuggestionSchema = RoutingSuggestionSchema.extend({
  categoryName: z.string(),
  departmentName: z.string().nullable(),
  confident: z.boolean(),
});
export type NamedRoutingSuggestion = z.infer<typeof NamedRoutingSuggestionSchema>;

export const StaffReportSchema = ReportDetailSchema.extend({
  overdue: z.boolean(),
  escalated: z.boolean(),
  extensionPending: z.boolean(),
  mergedIntoId: z.string().nullable(),
  /** The server is still transcribing the voice clip (转写中…). */
  transcriptPending: z.boolean(),
  /**
   * The point on a map image, when the server has a Tencent map key and the report has a point:
   * GET /staff/reports/:id/map.png (the key stays on the server); null otherwise.
   */
  mapImageUrl: z.string().nullable(),
  /** The grid (网格) it belongs to, whose grid workers see it; null for a matter of the whole village. */
  gridName: z.string().nullable(),
  /** null for an anonymous illegal-activity report: staff never learn who reported it. */
  reporter: z.object({ nickname: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  /** 热度: how many villagers joined it with 我也遇到. */
  followers: z.number().int().min(0),
  prediction: z.object({ categoryCode: z.string(), confidence: z.number() }).nullable(),
  suggestions: z.array(NamedRoutingSuggestionSchema),
  /** An open report this one resembles, for the dispatcher to compare and merge. */
  duplicateOf: z
    .object({ id: z.string(), serialNo: z.string(), excerpt: z.string(), status: z.enum(REPORT_STATUSES) })
    .nullable(),
});
export type StaffReport = z.infer<typeof StaffReportSchema>;

export const MyReportsQuerySchema = PageQuerySchema.extend({ status: z.enum(REPORT_STATUSES).optional() });
export type MyReportsQuery = z.infer<typeof MyReportsQuerySchema>;

/** The work queue's filters; counts (GET /staff/reports/counts) take the same ones and ignore tab, status, overdue, paging and sort. */
export const StaffQueueQuerySchema = PageQuerySchema.extend({
  /** One of the queue tabs (domain/queueTabs.ts), each a condition the server applies. */
  tab: z.enum(QUEUE_TAB_KEYS).optional(),
  status: z
    .string()
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(REPORT_STATUSES)))
    .optional(),
  regionCode: RegionCodeSchema.optional(),
  departmentId: IdSchema.optional(),
  serviceCode: z.enum(SERVICE_CODES).optional(),
  categoryCode: z.string().max(32).optional(),
  tier: z.enum(TIERS).optional(),
  serialNo: z.string().max(32).optional(),
  keyword: z.string().trim().max(50).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  triage: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  duplicates: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** `followers`: the most followed (我也遇到) first. */
  sort: z.enum(['submittedAt', '-submittedAt', 'resolveDueAt', '-resolveDueAt', 'followers']).default('-submittedAt'),
  /** A dashboard figure's reports for the days periodFrom–periodTo (both needed with it). */
  figure: z.enum(QUEUE_FIGURES).optional(),
  periodFrom: z.iso.date().optional(),
  periodTo: z.iso.date().optional(),
});
export type StaffQueueQuery = z.infer<typeof StaffQueueQuerySchema>;

const note = freeText().min(1, '请填写说明').max(LIMITS.noteMax);
const optionalNote = freeText().max(LIMITS.noteMax).optional();

const ratingScore = z
  .number({ error: '评分为 1 到 5 星' })
  .int('评分为 1 到 5 星')
  .min(1, '评分为 1 到 5 星')
  .max(5, '评分为 1 到 5 星');
const visitNote = freeText({ error: '请记录回访情况' }).min(1, '请记录回访情况').max(LIMITS.ratingCommentMax);

const onSpotPhotos = z
  .array(IdSchema, { error: '请拍照记录办理结果' })
  .min(1, '请拍照记录办理结果')
  .max(LIMITS.reportPhotosMax);

export const ReportActionRequestSchema = z.discriminatedUnion('action', [
  /** A category chosen with the dispatch corrects the classifier and is kept as a training example. */
  z.object({
    action: z.literal('assign'),
    departmentId: IdSchema,
    categoryCode: z.string().min(1).max(32).optional(),
    note: optionalNote,
  }),
  z.object({ action: z.literal('sign'), note: optionalNote }),
  z.object({ action: z.literal('reply'), note }),
  z.object({
    action: z.literal('resolve'),
    note,
    photoUploadIds: z.array(IdSchema).max(LIMITS.reportPhotosMax).optional(),
  }),
  z.object({ action: z.literal('return'), note }),
  z.object({
    action: z.literal('transfer'),
    departmentId: IdSchema,
    categoryCode: z.string().min(1).max(32).optional(),
    note: optionalNote,
  }),
  z.object({
    action: z.literal('request_extension'),
    note,
    extensionDays: z.number().int().min(1).max(LIMITS.extensionDaysMax),
  }),
  z.object({ action: z.literal('approve_extension'), note: optionalNote }),
  z.object({ action: z.literal('refuse_extension'), note }),
  z.object({ action: z.literal('escalate'), note }),
  z.object({ action: z.literal('reject'), note }),
  z.object({ action: z.literal('merge'), targetReportId: IdSchema, note: optionalNote }),
  /** 小事不出村: the photo shows the matter settled. */
  z.object({ action: z.literal('resolve_on_spot'), note, photoUploadIds: onSpotPhotos }),
  /** 回访评价: the household's rating and what they said, recorded by the filer of a 代报. */
  z.object({ action: z.literal('rate_on_behalf'), score: ratingScore, note: visitNote }),
]);
export type ReportActionRequest = z.infer<typeof ReportActionRequestSchema>;

export const RatingRequestSchema = z.object({
  score: z.number().int().min(1, '评分为 1 到 5 星').max(5, '评分为 1 到 5 星'),
  comment: freeText().max(LIMITS.ratingCommentMax).optional(),
});
export type RatingRequest = z.infer<typeof RatingRequestSchema>;

export const DisputeRequestSchema = z.object({
  reason: freeText().min(1, '请说明需要重新办理的原因').max(LIMITS.noteMax),
});
export type DisputeRequest = z.infer<typeof DisputeRequestSchema>;

export const SupplementRequestSchema = z
  .object({
    text: freeText().max(LIMITS.supplementMax).optional(),
    photoUploadIds: z.array(IdSchema).max(LIMITS.reportPhotosMax).optional(),
  })
  .refine((body) => Boolean(body.text) || (body.photoUploadIds?.length ?? 0) > 0, {
    path: ['text'],
    message: '请填写补充内容或添加照片',
  });
export type SupplementRequest = z.infer<typeof SupplementRequestSchema>;

export const MyReportsResponseSchema = pageOf(ReportSummarySchema);
export const StaffQueueItemSchema = ReportSummarySchema.extend({
  overdue: z.boolean(),
  escalated: z.boolean(),
  /** The voice clip's transcript (null without one), and where it came from. */
  transcript: z.string().nullable(),
  transcriptSource: z.enum(TRANSCRIPT_SOURCES).nullable(),
  /** The server is still transcribing the voice clip (转写中…). */
  transcriptPending: z.boolean(),
  /** 热度: how many villagers joined it with 我也遇到. */
  followers: z.number().int().min(0),
});
export type StaffQueueItem = z.infer<typeof StaffQueueItemSchema>;
export const StaffQueueResponseSchema = pageOf(StaffQueueItemSchema);

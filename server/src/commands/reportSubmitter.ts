import { createHash } from 'node:crypto';
import { DEFAULT_COORD_SYSTEM, type SubmitReportRequest } from '@minqing/shared';
import type { AppDeps } from '../context';
import { type Attachment, type Citizen, IdempotencyKey, Report, type Staff } from '../db/entities';
import { newId } from '../db/ids';
import type { ReferenceSnapshot } from '../db/referenceData';
import type { EventData } from '../db/entities/reportEvent';
import { isUniqueViolation } from '../db/uniqueViolation';
import { deadlinesFrom } from '../deadlines/slaClock';
import { queueTranscription, transcriberOf } from '../jobs/transcriptions';
import { geocoderOf } from '../jobs/geocoding';
import { badRequest, conflict } from '../errors';
import { deputyFor, regionChain } from '../policies/deputies';
import { isRegionActive } from '../policies/regionStatus';
import type { TimelineRecords } from '../presenters/report';
import { routingThreshold } from '../routing/classifier';
import { findDuplicate } from '../routing/duplicates';
import { type RouteDecision, decideRoute } from '../routing/reportRouter';
import type { Screening } from './contentScreening';
import { type NewEvent, bindAttachments } from './reportEvents';
import { statusAfter, transitionEvent } from './reportTransition';
import { reportGridOf } from './reportGrid';
import { serialNoBeforeTransaction } from './serialAllocator';
import { type PreparedSubmission, writeSubmission } from './submissionWriter';

const duplicateSettings = (deps: AppDeps) => ({
  windowDays: deps.config.routing.duplicateWindowDays,
  minSimilarity: deps.config.routing.duplicateMinSimilarity,
});

export interface SubmitResult {
  report: Report;
  /** What the submission wrote besides the report; absent for a replay, which is read back. */
  records?: TimelineRecords;
  replayed: boolean;
}

function requestHash(body: SubmitReportRequest): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

async function replay(deps: AppDeps, ownerId: string, key: string, hash: string): Promise<SubmitResult | null> {
  const remembered = await deps.dataSource.getRepository(IdempotencyKey).findOneBy({ citizenId: ownerId, key });
  if (!remembered) return null;
  if (remembered.requestHash !== hash) throw conflict('同一个提交编号被用于不同的内容', 'Idempotency-Key');
  const report = await deps.dataSource.getRepository(Report).findOneByOrFail({ id: remembered.reportId });
  return { report, replayed: true };
}

/** The location as stored: a point with its system (GCJ-02 when an older mini-program left it out), the citizen's address. */
function locationColumns(location: SubmitReportRequest['location']) {
  const point = location?.lat !== undefined && location.lng !== undefined;
  const address = location?.address || null;
  return {
    lat: point ? location.lat! : null,
    lng: point ? location.lng! : null,
    coordSystem: point ? (location.coordSystem ?? DEFAULT_COORD_SYSTEM) : null,
    address,
    addressSource: address ? ('citizen' as const) : null,
  };
}

/** The category of a message to a deputy; its department kind is the 人大代表联络站. */
const DEPUTY_CATEGORY = 'deputy_message';

function placeOf(deps: AppDeps, reference: ReferenceSnapshot, body: SubmitReportRequest) {
  const village = reference.regions.get(body.villageCode);
  const service = reference.services.get(body.serviceCode);
  const chosenCategory = body.categoryCode
    ? reference.categories.get(body.categoryCode)
    : // A message to a chosen deputy is a 代表建议: it goes to the deputies' liaison station (township, else county).
      body.serviceCode === 'deputy' && body.deputyId
      ? reference.categories.get(DEPUTY_CATEGORY)
      : undefined;
  if (village?.level !== 'village' || !village.parentCode || !isRegionActive(reference.regions, village.code))
    throw badRequest('请选择正确的村(社区)', 'villageCode');
  if (!service?.enabled) throw badRequest('该服务暂未开放', 'serviceCode');
  if (body.categoryCode && (!chosenCategory || chosenCategory.disabled))
    throw badRequest('没有这个问题分类', 'categoryCode');
  const route = decideRoute({
    reference,
    predictor: deps.classifier.predictor,
    threshold: routingThreshold(deps.config.routing),
    chosenCategory: chosenCategory ?? null,
    villageCode: village.code,
    input: { text: body.text, transcript: body.voice?.transcript },
  });
  return { village, route };
}

/** The submission's event names the household a 代报 was filed for (网格员 王强 代 李大爷 反映). */
function submittedData(onBehalf: OnBehalfFiling | undefined, routing: EventData | null): EventData | null {
  if (!onBehalf) return routing;
  return { ...routing, onBehalfName: onBehalf.name };
}

/** What the routing decision leaves on the timeline: prediction, confidence, rule and model. */
function routingData(route: RouteDecision, modelVersion: string | null): EventData {
  return {
    reason: route.reason,
    categoryCode: route.category?.code ?? null,
    predictedCategoryCode: route.prediction?.categoryCode ?? null,
    confidence: route.prediction ? Number(route.prediction.confidence.toFixed(4)) : null,
    modelVersion: route.prediction ? modelVersion : null,
  };
}

/** 代报: the staff member filing for a household, the household's name and its phone. */
export interface OnBehalfFiling {
  staff: Staff;
  name: string;
  phone: string | null;
  householdId: string | null;
}

/**
 * Stores a citizen's report (or a 代报, which then has a citizen only when the household's phone
 * is bound to an account): validates what it refers to, gives it a serial number, sends it to
 * its category's department when one is known (else to triage), binds its media and remembers
 * the Idempotency-Key — all in one transaction (shared with the submissions that arrive meanwhile,
 * submissionWriter), so a retry never creates a second report. The key is written first: a retry that races the original fails on it and answers the
 * original's report. (A replay may leave a gap in the day's serial numbers, never a duplicate.)
 */
export async function submitReport(
  deps: AppDeps,
  props: {
    citizen: Citizen | null;
    onBehalf?: OnBehalfFiling;
    body: SubmitReportRequest;
    idempotencyKey: string | null;
    screening?: Screening;
  },
): Promise<SubmitResult> {
  const { citizen, onBehalf, body, idempotencyKey } = props;
  // Keys are remembered per submitter; staff and citizen ids come from one generator, so they never collide.
  const submitter = onBehalf
    ? { type: 'staff' as const, id: onBehalf.staff.id }
    : { type: 'citizen' as const, id: citizen!.id };
  const hash = requestHash(body);
  const reference = await deps.reference.snapshot();
  const { village, route } = placeOf(deps, reference, body);
  const deputy = body.deputyId
    ? await deputyFor(deps.dataSource.manager, regionChain(reference.regions, village.code), body.deputyId)
    : null;
  if (body.deputyId && !deputy) throw badRequest('请选择您所在地区的人大代表', 'deputyId');
  const { category, department } = route;
  const now = deps.clock();
  const reportId = newId();
  const routing = routingData(route, deps.classifier.predictor?.version ?? null);
  const deadlines = department ? deadlinesFrom(now, category, reference.calendar) : null;
  // Reads, before the transaction: it holds the idempotency key's lock (and SQLite's writer) only while writing.
  const gridCode = await reportGridOf(deps.dataSource.manager, {
    villageCode: village.code,
    anonymous: body.anonymous ?? false,
    citizen,
    onBehalf,
  });
  const duplicateOf = await findDuplicate(
    deps.dataSource.manager,
    {
      id: reportId,
      villageCode: village.code,
      categoryCode: category?.code ?? null,
      predictedCategoryCode: route.prediction?.categoryCode ?? null,
      text: body.text || null,
      transcript: body.voice?.transcript || null,
      createdAt: now,
    },
    duplicateSettings(deps),
  );
  const report = {
    id: reportId,
    serialNo: await serialNoBeforeTransaction(deps.dataSource, deps.config.serialPrefix, now),
    serviceCode: body.serviceCode,
    categoryCode: category?.code ?? null,
    departmentId: department?.id ?? null,
    countyCode: body.villageCode.slice(0, 6),
    townshipCode: village.parentCode!,
    villageCode: village.code,
    gridCode,
    citizenId: citizen?.id ?? null,
    anonymous: body.anonymous ?? false,
    // Only 民情直通 is ever public (PRODUCT.md §9): the choice is kept for it alone, on by default.
    public: body.serviceCode === 'direct' && !body.anonymous && (body.public ?? true),
    text: body.text || null,
    transcript: body.voice?.transcript || null,
    transcriptSource: body.voice?.transcript ? ('wechat' as const) : null,
    voiceAttachmentId: body.voice?.uploadId ?? null,
    ...locationColumns(body.location),
    contactPhoneEncrypted: body.contactPhone ? deps.cipher.encrypt(body.contactPhone) : null,
    status: department ? statusAfter('route', 'submitted', 'system') : ('submitted' as const),
    tier: category?.tier ?? 'general',
    escalated: false,
    extensionRequestedDays: null,
    responseDueAt: deadlines?.responseDueAt ?? null,
    resolveDueAt: deadlines?.resolveDueAt ?? null,
    dispatchedAt: department ? now : null,
    signedAt: null,
    resolvedAt: null,
    closedAt: null,
    rating: null,
    ratingComment: null,
    mergedIntoId: null,
    predictedCategoryCode: route.prediction?.categoryCode ?? null,
    predictionConfidence: route.prediction?.confidence ?? null,
    suggestions: route.suggestions.length ? route.suggestions : null,
    duplicateOfId: duplicateOf?.id ?? null,
    reopenCount: 0,
    deputyId: deputy?.id ?? null,
    filedByStaffId: onBehalf?.staff.id ?? null,
    onBehalfName: onBehalf?.name ?? null,
    onBehalfPhoneEncrypted: onBehalf?.phone ? deps.cipher.encrypt(onBehalf.phone) : null,
    householdId: onBehalf?.householdId ?? null,
    ratingOnBehalf: false,
    followerCount: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  } satisfies PreparedSubmission['report'];
  const events: NewEvent[] = [
    {
      reportId,
      type: 'submitted',
      fromStatus: null,
      toStatus: 'submitted',
      actorType: submitter.type,
      actorId: submitter.id,
      data: submittedData(onBehalf, department ? null : { ...routing, duplicateOfId: report.duplicateOfId }),
      at: now,
    },
  ];
  if (department) {
    events.push(
      transitionEvent({
        reportId,
        action: 'route',
        fromStatus: 'submitted',
        actorType: 'system',
        actorId: null,
        departmentId: department.id,
        data: { ...routing, duplicateOfId: report.duplicateOfId },
        at: now,
      }),
    );
  }
  /** Its media bound to it, a clip queued for transcription, its content check: in its transaction. */
  const complete: PreparedSubmission['complete'] = async (tx, stored, [submitted]) => {
    const media = { ownerType: submitter.type, ownerId: submitter.id, reportId, eventId: submitted.id };
    const attachments: Attachment[] = [
      ...(body.voice
        ? await bindAttachments(tx, { ...media, ids: [body.voice.uploadId], kind: 'voice', field: 'voice.uploadId' })
        : []),
      ...(await bindAttachments(tx, {
        ...media,
        ids: body.photoUploadIds ?? [],
        kind: 'photo',
        field: 'photoUploadIds',
      })),
    ];
    // A clip without the villager's 同声传译 transcript is transcribed on the server (when ASR is configured).
    if (body.voice && !body.voice.transcript && deps.asr)
      await queueTranscription(tx, { reportId, attachmentId: body.voice.uploadId, now });
    // The content-security record (and media checks) is written with what it is about.
    const contentChecks =
      citizen && props.screening
        ? await props.screening.checksOf(tx, { citizen, report: stored, eventId: submitted.id, attachments })
        : [];
    return { attachments, contentChecks };
  };
  const remembered = idempotencyKey
    ? Object.assign(new IdempotencyKey(), {
        citizenId: submitter.id,
        key: idempotencyKey,
        reportId,
        requestHash: hash,
        createdAt: now,
      })
    : null;
  try {
    const written = await writeSubmission(deps.dataSource, {
      idempotencyKey: remembered,
      report,
      serialPrefix: deps.config.serialPrefix,
      events,
      complete,
    });
    const submitted: SubmitResult = { ...written, replayed: false };
    // Answered at once; the clip is heard in the background (jobs/transcriptions).
    if (body.voice && !body.voice.transcript) transcriberOf(deps)?.kick(reportId);
    // A point without an address is named by Tencent LBS in the background (when a key is configured).
    if (submitted.report.lat !== null && !submitted.report.address) geocoderOf(deps)?.kick(reportId);
    return submitted;
  } catch (error) {
    // The key is known already: this is a retry, possibly racing the original.
    if (idempotencyKey && isUniqueViolation(error)) {
      const earlier = await replay(deps, submitter.id, idempotencyKey, hash);
      if (earlier) return earlier;
    }
    throw error;
  }
}

import { createHash } from 'node:crypto';
import type { SubmitReportRequest } from '@minqing/shared';
import type { AppDeps } from '../context';
import { dialectOf, transaction } from '../db/dataSource';
import { Category, Citizen, IdempotencyKey, Region, Report, ServiceEntity } from '../db/entities';
import { newId } from '../db/ids';
import { isUniqueViolation } from '../db/uniqueViolation';
import { deadlinesFrom } from '../deadlines/slaClock';
import { badRequest, conflict } from '../errors';
import { routeByCategory } from '../routing/defaultRouter';
import { appendEvent, bindAttachments } from './reportEvents';
import { allocateSerialNo } from './serialAllocator';

export interface SubmitResult {
  report: Report;
  replayed: boolean;
}

function requestHash(body: SubmitReportRequest): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

async function replay(deps: AppDeps, citizen: Citizen, key: string, hash: string): Promise<SubmitResult | null> {
  const remembered = await deps.dataSource.getRepository(IdempotencyKey).findOneBy({ citizenId: citizen.id, key });
  if (!remembered) return null;
  if (remembered.requestHash !== hash) throw conflict('同一个提交编号被用于不同的内容', 'Idempotency-Key');
  const report = await deps.dataSource.getRepository(Report).findOneByOrFail({ id: remembered.reportId });
  return { report, replayed: true };
}

/**
 * Stores a citizen's report: validates what it refers to, gives it a serial number, sends it to
 * its category's department when one is known (else to triage), binds its media and remembers
 * the Idempotency-Key — all in one transaction, so a retry never creates a second report.
 */
export async function submitReport(
  deps: AppDeps,
  props: { citizen: Citizen; body: SubmitReportRequest; idempotencyKey: string | null },
): Promise<SubmitResult> {
  const { citizen, body, idempotencyKey } = props;
  const hash = requestHash(body);
  if (idempotencyKey) {
    const earlier = await replay(deps, citizen, idempotencyKey, hash);
    if (earlier) return earlier;
  }
  const manager = deps.dataSource.manager;
  const [village, service, category] = await Promise.all([
    manager.getRepository(Region).findOneBy({ code: body.villageCode }),
    manager.getRepository(ServiceEntity).findOneBy({ code: body.serviceCode }),
    body.categoryCode ? manager.getRepository(Category).findOneBy({ code: body.categoryCode }) : Promise.resolve(null),
  ]);
  if (!village || village.level !== 'village' || !village.parentCode) throw badRequest('请选择正确的村(社区)', 'villageCode');
  if (!service || !service.enabled) throw badRequest('该服务暂未开放', 'serviceCode');
  if (body.categoryCode && !category) throw badRequest('没有这个问题分类', 'categoryCode');

  const now = deps.clock();
  const reportId = newId();
  const preallocated = dialectOf(deps.dataSource) === 'mysql' ? await allocateSerialNo(manager, deps.config.serialPrefix, now) : null;
  try {
    const report = await transaction(deps.dataSource, async (tx) => {
      const serialNo = preallocated ?? (await allocateSerialNo(tx, deps.config.serialPrefix, now));
      const department = category ? await routeByCategory(tx, category, village.code) : null;
      const deadlines = department ? deadlinesFrom(now, category) : null;
      const report = tx.getRepository(Report).create({
        id: reportId,
        serialNo,
        serviceCode: body.serviceCode,
        categoryCode: category?.code ?? null,
        departmentId: department?.id ?? null,
        countyCode: body.villageCode.slice(0, 6),
        townshipCode: village.parentCode!,
        villageCode: village.code,
        citizenId: citizen.id,
        anonymous: body.anonymous ?? false,
        text: body.text || null,
        transcript: body.voice?.transcript || null,
        voiceAttachmentId: body.voice?.uploadId ?? null,
        lat: body.location?.lat ?? null,
        lng: body.location?.lng ?? null,
        address: body.location?.address ?? null,
        contactPhoneEncrypted: body.contactPhone ? deps.cipher.encrypt(body.contactPhone) : null,
        status: department ? 'dispatched' : 'submitted',
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
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await tx.getRepository(Report).insert(report);
      const submitted = await appendEvent(tx, {
        reportId,
        type: 'submitted',
        fromStatus: null,
        toStatus: 'submitted',
        actorType: 'citizen',
        actorId: citizen.id,
        at: now,
      });
      const media = { ownerType: 'citizen' as const, ownerId: citizen.id, reportId, eventId: submitted.id };
      if (body.voice) await bindAttachments(tx, { ...media, ids: [body.voice.uploadId], kind: 'voice', field: 'voice.uploadId' });
      await bindAttachments(tx, { ...media, ids: body.photoUploadIds ?? [], kind: 'photo', field: 'photoUploadIds' });
      if (department) {
        await appendEvent(tx, {
          reportId,
          type: 'route',
          fromStatus: 'submitted',
          toStatus: 'dispatched',
          actorType: 'system',
          actorId: null,
          departmentId: department.id,
          data: { categoryCode: category!.code },
          at: now,
        });
      }
      if (idempotencyKey) {
        await tx.getRepository(IdempotencyKey).insert({ citizenId: citizen.id, key: idempotencyKey, reportId, requestHash: hash, createdAt: now });
      }
      return report;
    });
    return { report, replayed: false };
  } catch (error) {
    // A concurrent retry with the same key won the race: answer with its report.
    if (idempotencyKey && isUniqueViolation(error)) {
      const earlier = await replay(deps, citizen, idempotencyKey, hash);
      if (earlier) return earlier;
    }
    throw error;
  }
}
